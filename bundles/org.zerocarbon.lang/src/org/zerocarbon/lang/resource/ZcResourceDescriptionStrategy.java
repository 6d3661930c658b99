package org.zerocarbon.lang.resource;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Expression;
import org.zerocarbon.model.zc.Quantity;

import com.google.inject.Singleton;

/**
 * Exports emission factors with their kind and region as index user data, so that validation, quick fixes and
 * content assist can find "the grid factors of region DE" without loading every library. Quantities and criteria
 * expressions hold nothing referable and are not traversed.
 */
@Singleton
public class ZcResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	/** User-data key: the factor kind literal (grid, material ...). */
	public static final String FACTOR_KIND = "kind";
	/** User-data key: the factor region, absent when the factor has none. */
	public static final String FACTOR_REGION = "region";

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (object instanceof Quantity || object instanceof Expression) {
			return false;
		}
		if (object instanceof EmissionFactor factor) {
			QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(factor);
			if (name != null) {
				Map<String, String> data = new HashMap<>();
				data.put(FACTOR_KIND, factor.getKind().getLiteral());
				if (factor.getRegion() != null) {
					data.put(FACTOR_REGION, factor.getRegion());
				}
				acceptor.accept(EObjectDescription.create(name, factor, data));
			}
			return false;
		}
		return super.createEObjectDescriptions(object, acceptor);
	}
}
