/**
 * Editing support for the ZeroCarbon metamodel without SWT: the EMF.Edit item providers generated from the
 * genmodel (package {@code org.zerocarbon.model.zc.provider}), with labels that name an element and its key
 * figure, and property descriptors with categories and the metamodel's documentation as descriptions.
 */
package org.zerocarbon.model.edit;
