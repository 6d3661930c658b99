/**
 * The Properties view for ZeroCarbon model elements, without emf.edit.ui: {@link ModelPropertySheetPage} shows the
 * EMF.Edit property descriptors of org.zerocarbon.model.edit (categories, descriptions, quantities) and writes
 * edits back to the DSL text through {@code org.zerocarbon.lang.ui.edit.ModelEdits}.
 */
package org.zerocarbon.lang.ui.properties;
