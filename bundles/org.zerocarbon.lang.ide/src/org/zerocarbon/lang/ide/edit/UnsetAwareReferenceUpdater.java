package org.zerocarbon.lang.ide.edit;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.ide.serializer.hooks.IUpdatableReference;
import org.eclipse.xtext.ide.serializer.impl.ReferenceUpdater;

/**
 * Xtext's reference updater, for changes that clear a reference: the stock one fails with an
 * {@code IllegalStateException} on every reference that a change set to null (a saving no longer on an asset),
 * and on an index that a change removed from a list of references. There is nothing to update in such a reference:
 * the serializer removes it from the text.
 */
public class UnsetAwareReferenceUpdater extends ReferenceUpdater {

	@Override
	protected IUpdatableReference createUpdatableReference(ISemanticRegion current) {
		EObject owner = current.getContainingRegion().getSemanticElement();
		EStructuralFeature feature = current.getContainingFeature();
		Object value = owner.eGet(feature);
		if (value == null || value instanceof List<?> list && current.getIndexInContainingFeature() >= list.size()) {
			return null;
		}
		return super.createUpdatableReference(current);
	}
}
