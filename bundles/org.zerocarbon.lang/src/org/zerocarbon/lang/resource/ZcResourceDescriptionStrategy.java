package org.zerocarbon.lang.resource;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ModuleSpec;
import org.zerocarbon.model.zc.Expression;
import org.zerocarbon.model.zc.Quantity;

import com.google.inject.Singleton;

/**
 * Exports emission factors with their kind and region as index user data, so that validation, quick fixes and
 * content assist can find "the grid factors of region DE" without loading every library; certificates with their
 * tracking id (a tracking id claimed twice is found across files) and methodologies with their vintage window and
 * required modules. Quantities and criteria
 * expressions hold nothing referable and are not traversed.
 */
@Singleton
public class ZcResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	/** User-data key: the factor kind literal (grid, material ...). */
	public static final String FACTOR_KIND = "kind";
	/** User-data key: the factor region, absent when the factor has none. */
	public static final String FACTOR_REGION = "region";
	/** User-data key: a certificate's tracking id, absent when it has none. */
	public static final String TRACKING = "tracking";
	/** User-data key: a methodology's certificate vintage window "from..to", absent when it has none. */
	public static final String VINTAGE = "vintage";
	/** User-data key: the modules a methodology requires, space-separated ("A1 A2 B6"). */
	public static final String REQUIRED_MODULES = "required";

	/**
	 * The factor kind literal of a described element: from the index's user data or, for an element of the same file
	 * (local scopes describe those without user data), from the element itself; null for anything but a factor.
	 */
	public static String factorKind(IEObjectDescription description) {
		String kind = description.getUserData(FACTOR_KIND);
		if (kind == null && description.getEObjectOrProxy() instanceof EmissionFactor factor && !factor.eIsProxy()) {
			return factor.getKind().getLiteral();
		}
		return kind;
	}

	/** The factor region of a described element, as {@link #factorKind(IEObjectDescription)} finds it. */
	public static String factorRegion(IEObjectDescription description) {
		String region = description.getUserData(FACTOR_REGION);
		if (region == null && description.getUserData(FACTOR_KIND) == null && description.getEObjectOrProxy() instanceof EmissionFactor factor
				&& !factor.eIsProxy()) {
			return factor.getRegion();
		}
		return region;
	}

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
		if (object instanceof Certificate certificate && certificate.getTracking() != null) {
			return export(certificate, Map.of(TRACKING, certificate.getTracking()), acceptor, false);
		}
		if (object instanceof Methodology methodology) {
			Map<String, String> data = new HashMap<>();
			if (methodology.getVintageFrom() != 0 || methodology.getVintageTo() != 0) {
				data.put(VINTAGE, methodology.getVintageFrom() + ".." + methodology.getVintageTo());
			}
			data.put(REQUIRED_MODULES, String.join(" ", methodology.getModules().stream().filter(ModuleSpec::isRequired)
					.map(spec -> spec.getModule().getLiteral()).toList()));
			return export(methodology, data, acceptor, true);
		}
		return super.createEObjectDescriptions(object, acceptor);
	}

	private boolean export(EObject object, Map<String, String> data, IAcceptor<IEObjectDescription> acceptor, boolean children) {
		QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(object);
		if (name != null) {
			acceptor.accept(EObjectDescription.create(name, object, data));
		}
		return children;
	}
}
