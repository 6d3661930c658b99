package org.zerocarbon.lang.ide.edit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.change.FeatureChange;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.regionaccess.IAstRegion;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionDiffBuilder;
import org.eclipse.xtext.ide.serializer.impl.PartialSerializer;
import org.eclipse.xtext.serializer.ISerializationContext;
import org.eclipse.xtext.serializer.analysis.IGrammarConstraintProvider.IConstraint;
import org.eclipse.xtext.serializer.analysis.IGrammarConstraintProvider.IConstraintElement;
import org.eclipse.xtext.serializer.analysis.IGrammarConstraintProvider.IFeatureInfo;
import org.eclipse.xtext.serializer.diagnostic.ISerializationDiagnostic;
import org.eclipse.xtext.serializer.tokens.IEnumLiteralSerializer;

import com.google.inject.Inject;

/**
 * Xtext's partial serializer, made to rewrite only what changed inside an element, as the ZeroCarbon grammar is
 * written. Without these adjustments, adding a machine to a line re-wrote (and re-formatted) the whole line, and
 * so did renaming the line or clearing a machine's rated power:
 * <ul>
 * <li>The partial serializer re-writes a whole element when its serialization context seems to have changed. For
 * an element written through a rule that only delegates ({@code Element: FactorLibrary | Site | Line | ...}), the
 * context read from the node model (rule {@code Line}) never equals the one computed for the model (rule
 * {@code Element}). An element that is still in the container and feature it was parsed in keeps its context, so
 * it is compared with itself here.</li>
 * <li>It inserts into or removes from a list one element at a time only when the list has exactly one, repeated
 * assignment in the grammar constraint. The ZeroCarbon blocks repeat a choice instead
 * ({@code (machines+=Machine | flows+=MaterialFlow)*}), where any element may go anywhere, and the constraint of
 * a rule with optional parts lists one assignment several times ({@code elements+=Element*} of a file); both are
 * treated as the one repeated assignment they are. A first element of a list in a repeated choice goes after the
 * last element of the block (a first sensor after the loop's assets), not before them.</li>
 * <li>A changed enumeration value is written as its keyword (the superclass passes it to the value converter,
 * which fails).</li>
 * <li>Clearing an optional value that is written with keywords ({@code ('rated' ratedPower=Quantity)?}) removes
 * the keywords with the value.</li>
 * </ul>
 * Whatever this lets through is parsed again by {@link ModelChanges} before any text is changed.
 */
public class InPlacePartialSerializer extends PartialSerializer {

	@Inject
	private IEnumLiteralSerializer enumLiterals;

	@Override
	protected ISerializationContext getSerializationContext(IEObjectRegion region) {
		EObject element = region.getSemanticElement();
		IEObjectRegion container = region.getContainingRegion();
		if (element != null && container != null && container.getSemanticElement() == element.eContainer()
				&& region.getContainingFeature() == element.eContainingFeature()) {
			return getSerializationContext(element);
		}
		return super.getSerializationContext(region);
	}

	// ------------------------------------------------------------------------------------------ lists

	@Override
	protected List<SerializationStrategy> trySerializeMultiValue(EObject owner, FeatureChange change,
			IEObjectRegion ownerRegion, IConstraint constraint) {
		int id = owner.eClass().getFeatureID(change.getFeature());
		IFeatureInfo info = constraint.getFeatures()[id];
		Assignment assignment = info == null ? null : theAssignment(info);
		if (assignment == null || !(GrammarUtil.isMultipleCardinality(assignment) || inRepeatedChoice(assignment) != null)) {
			return super.trySerializeMultiValue(owner, change, ownerRegion, constraint);
		}
		if (findRegions(ownerRegion, change).isEmpty()) {
			IHiddenRegion after = afterLastOfBlock(owner, ownerRegion, inRepeatedChoice(assignment));
			if (after != null) {
				List<SerializationStrategy> result = new ArrayList<>();
				for (Object value : (List<?>) owner.eGet(change.getFeature())) {
					EObject element = (EObject) value;
					result.add(new SerializeRecursiveStrategy(after, element, getSerializationContext(element)));
				}
				return result;
			}
		}
		return super.trySerializeMultiValue(owner, change, ownerRegion, repeated(constraint, id));
	}

	/** The one grammar assignment behind a feature's constraint assignments, or null if there are several. */
	private static Assignment theAssignment(IFeatureInfo info) {
		Set<Assignment> assignments = new LinkedHashSet<>();
		for (IConstraintElement element : info.getAssignments()) {
			AbstractElement grammar = element.getGrammarElement();
			assignments.add(grammar instanceof Assignment self ? self : GrammarUtil.containingAssignment(grammar));
		}
		return assignments.size() == 1 ? assignments.iterator().next() : null;
	}

	/** The repeated choice the assignment is an alternative of (possibly through nested choices), or null. */
	private static Alternatives inRepeatedChoice(Assignment assignment) {
		if (GrammarUtil.isMultipleCardinality(assignment)) {
			return null;
		}
		for (EObject container = assignment.eContainer(); container instanceof Alternatives choice; container = choice
				.eContainer()) {
			if (GrammarUtil.isMultipleCardinality(choice)) {
				return choice;
			}
		}
		return null;
	}

	/** After the last element written in the repeated choice, or null if the block has none. */
	private static IHiddenRegion afterLastOfBlock(EObject owner, IEObjectRegion ownerRegion, Alternatives choice) {
		if (choice == null) {
			return null;
		}
		ITextRegionAccess access = ownerRegion.getTextRegionAccess();
		IEObjectRegion last = null;
		for (Assignment sibling : GrammarUtil.containedAssignments(choice)) {
			EStructuralFeature feature = owner.eClass().getEStructuralFeature(sibling.getFeature());
			if (feature == null || !feature.isMany()) {
				continue;
			}
			for (Object value : (List<?>) owner.eGet(feature)) {
				IEObjectRegion region = value instanceof EObject element ? access.regionForEObject(element) : null;
				if (region != null && (last == null || region.getEndOffset() > last.getEndOffset())) {
					last = region;
				}
			}
		}
		return last == null ? null : last.getNextHiddenRegion();
	}

	/**
	 * The constraint as seen by the superclass, with feature {@code id} assigned once, repeatedly. The serializer's
	 * constraint types are interfaces only, hence the proxies.
	 */
	private static IConstraint repeated(IConstraint constraint, int id) {
		IFeatureInfo info = constraint.getFeatures()[id];
		IConstraintElement assignment = delegate(IConstraintElement.class, info.getAssignments().get(0), "isMany",
				Boolean.TRUE);
		IFeatureInfo feature = delegate(IFeatureInfo.class, info, "getAssignments", List.of(assignment));
		IFeatureInfo[] features = constraint.getFeatures().clone();
		features[id] = feature;
		return delegate(IConstraint.class, constraint, "getFeatures", features);
	}

	private static <T> T delegate(Class<T> type, T target, String method, Object answer) {
		return type.cast(Proxy.newProxyInstance(InPlacePartialSerializer.class.getClassLoader(), new Class<?>[] { type },
				(proxy, called, arguments) -> {
					if (called.getName().equals(method) && called.getParameterCount() == 0) {
						return answer;
					}
					try {
						return called.invoke(target, arguments);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
				}));
	}

	// ------------------------------------------------------------------------------------------ single values

	@Override
	protected SerializationStrategy updateSingleValue(EObject object, EStructuralFeature feature, IAstRegion region) {
		// The superclass writes every attribute with the value converter, which fails on enumeration values.
		if (feature.getEType() instanceof EEnum && region instanceof ISemanticRegion token
				&& region.getGrammarElement() instanceof RuleCall call && call.getRule() instanceof EnumRule) {
			String literal = enumLiterals.serializeAssignedEnumLiteral(object, call, object.eGet(feature), null,
					ISerializationDiagnostic.EXCEPTION_THROWING_ACCEPTOR);
			return literal == null ? null : result -> result.replace(token, literal);
		}
		return super.updateSingleValue(object, feature, region);
	}

	@Override
	protected List<SerializationStrategy> trySerializeSingleValue(EObject owner, FeatureChange change,
			IEObjectRegion ownerRegion, IConstraint constraint) {
		EStructuralFeature feature = change.getFeature();
		IFeatureInfo info = constraint.getFeatures()[owner.eClass().getFeatureID(feature)];
		Assignment assignment = info == null ? null : theAssignment(info);
		IAstRegion region = assignment == null || owner.eIsSet(feature) ? null : findRegion(ownerRegion, change);
		if (region != null && (GrammarUtil.isOptionalCardinality(assignment) || assignment.eContainer() instanceof Group group
				&& GrammarUtil.isOptionalCardinality(group) && onlySetAssignment(owner, group, assignment))) {
			IAstRegion[] extent = assignment.eContainer() instanceof Group group && GrammarUtil.isOptionalCardinality(group)
					? groupExtent(region, group) : new IAstRegion[] { region, region };
			return List.of(result -> removeTokens(result, extent[0], extent[1]));
		}
		return super.trySerializeSingleValue(owner, change, ownerRegion, constraint);
	}

	/**
	 * Removes the tokens from {@code first} to {@code last}, but not the whitespace and comments around and between
	 * them (the serializer's own removal takes the neighbouring comments along); ModelChanges lays out the spot.
	 */
	private static void removeTokens(ITextRegionDiffBuilder result, IAstRegion first, IAstRegion last) {
		for (ISemanticRegion token = first.getPreviousHiddenRegion().getNextSemanticRegion(); token != null
				&& token.getEndOffset() <= last.getEndOffset(); token = token.getNextSemanticRegion()) {
			result.replace(token, "");
		}
	}

	/** Whether no other assignment of the group has a value: then the whole group can go. */
	private static boolean onlySetAssignment(EObject owner, Group group, Assignment cleared) {
		for (Assignment other : GrammarUtil.containedAssignments(group)) {
			EStructuralFeature feature = owner.eClass().getEStructuralFeature(other.getFeature());
			if (other != cleared && feature != null && owner.eIsSet(feature)) {
				return false;
			}
		}
		return true;
	}

	/** The first and last region of the group around the value's region: its keywords before and after. */
	private static IAstRegion[] groupExtent(IAstRegion value, Group group) {
		IAstRegion first = value;
		for (ISemanticRegion previous = value.getPreviousHiddenRegion().getPreviousSemanticRegion(); isKeywordOf(previous,
				group); previous = previous.getPreviousSemanticRegion()) {
			first = previous;
		}
		IAstRegion last = value;
		for (ISemanticRegion next = value.getNextHiddenRegion().getNextSemanticRegion(); isKeywordOf(next, group); next = next
				.getNextSemanticRegion()) {
			last = next;
		}
		return new IAstRegion[] { first, last };
	}

	private static boolean isKeywordOf(ISemanticRegion region, Group group) {
		return region != null && region.getGrammarElement() instanceof Keyword keyword && EcoreUtil.isAncestor(group, keyword);
	}
}
