package org.zerocarbon.lang.ide.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Removes elements from the text line by line, with the comments that belong to them, instead of leaving it to
 * the change serializer.
 * <p>
 * The serializer removes an element together with the whitespace and comments on both sides and joins what is
 * left: removing a flow put the comment above the next flow at the end of the previous line. Here a removed
 * element is put back into the model before the serializer looks (so it sees no removal), and its text is deleted
 * instead: the whole lines it stands on, with the comment lines directly above it and a comment at the end of its
 * last line. An element that shares its lines with other text loses only its own tokens, and the formatter lays
 * out the spot. An optional value written with keywords ({@code rated 15 kW}) goes with its keywords.
 */
final class Removals {

	private record Origin(EObject container, EReference feature) {
	}

	private final XtextResource resource;
	private final String text;
	private final Map<EObject, Origin> origins = new IdentityHashMap<>();

	/** Remembers where every element of the resource is; call before the change. */
	Removals(XtextResource resource, String text) {
		this.resource = resource;
		this.text = text;
		resource.getAllContents().forEachRemaining(element -> {
			if (element.eContainer() != null) {
				origins.put(element, new Origin(element.eContainer(), element.eContainmentFeature()));
			}
		});
	}

	/**
	 * Puts the elements the change removed back where they were, and returns the deletions that remove them from
	 * the text instead, in offsets of the original text. Call after the change, while the serializer records.
	 */
	List<Replacement> takeBack() {
		List<EObject> removed = new ArrayList<>();
		for (Map.Entry<EObject, Origin> entry : origins.entrySet()) {
			EObject element = entry.getKey();
			if (element.eResource() != resource && entry.getValue().container().eResource() == resource
					&& NodeModelUtils.getNode(element) != null) {
				removed.add(element);
			}
		}
		removed.sort(Comparator.comparingInt(element -> NodeModelUtils.getNode(element).getOffset()));
		List<Replacement> deletions = new ArrayList<>();
		for (EObject element : removed) {
			if (putBack(element)) {
				deletions.add(deletion(element));
			}
		}
		return deletions;
	}

	/** Puts a removed element back; false if its place is taken (the change replaced it, which the serializer writes). */
	@SuppressWarnings("unchecked")
	private boolean putBack(EObject element) {
		Origin origin = origins.get(element);
		if (!origin.feature().isMany()) {
			if (origin.container().eGet(origin.feature()) != null) {
				return false;
			}
			origin.container().eSet(origin.feature(), element);
			return true;
		}
		List<EObject> list = (List<EObject>) origin.container().eGet(origin.feature());
		// Before the first element written after it, or else after the last written one (new ones come later).
		int offset = NodeModelUtils.getNode(element).getOffset();
		int index = -1;
		int afterLastWritten = 0;
		for (int i = 0; i < list.size() && index < 0; i++) {
			INode node = NodeModelUtils.getNode(list.get(i));
			if (node != null && node.getOffset() > offset) {
				index = i;
			} else if (node != null) {
				afterLastWritten = i + 1;
			}
		}
		list.add(index >= 0 ? index : afterLastWritten, element);
		return true;
	}

	/** The deletion of an element's text: whole lines when it has its lines to itself, else its tokens. */
	private Replacement deletion(EObject element) {
		int[] tokens = tokens(element);
		int start = tokens[0];
		int end = tokens[1];
		int lineStart = text.lastIndexOf('\n', start - 1) + 1;
		int afterComment = trailingComment(end);
		int lineEnd = text.indexOf('\n', afterComment);
		lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
		if (!text.substring(lineStart, start).isBlank() || !text.substring(afterComment, lineEnd).isBlank()) {
			return new Replacement(start, end - start, "");
		}
		int first = lineStart;
		while (first > 0) {
			int previous = text.lastIndexOf('\n', first - 2) + 1;
			if (!isCommentLine(previous, first)) {
				break;
			}
			first = previous;
		}
		return new Replacement(first, lineEnd - first, "");
	}

	/** Start and end of the element's tokens, widened to the keywords of an optional group it alone fills. */
	private int[] tokens(EObject element) {
		// the node covering the whole element: for one reached through unassigned rule calls (a quantity is Quantity ->
		// QuantityProduct -> QuantityAtom -> LiteralQuantity) the outermost, whose grammar element is the assignment's
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		int start = node.getOffset();
		int end = node.getEndOffset();
		Assignment assignment = GrammarUtil.containingAssignment(node.getGrammarElement());
		if (assignment != null && assignment.eContainer() instanceof Group group && GrammarUtil.isOptionalCardinality(group)
				&& aloneInGroup(element, group, assignment)) {
			for (INode previous = node.getPreviousSibling(); previous != null; previous = previous.getPreviousSibling()) {
				if (previous instanceof ILeafNode leaf && leaf.isHidden()) {
					continue;
				}
				if (!(previous.getGrammarElement() instanceof Keyword keyword) || !EcoreUtil.isAncestor(group, keyword)) {
					break;
				}
				start = previous.getOffset();
			}
			for (INode next = node.getNextSibling(); next != null; next = next.getNextSibling()) {
				if (next instanceof ILeafNode leaf && leaf.isHidden()) {
					continue;
				}
				if (!(next.getGrammarElement() instanceof Keyword keyword) || !EcoreUtil.isAncestor(group, keyword)) {
					break;
				}
				end = next.getEndOffset();
			}
		}
		return new int[] { start, end };
	}

	/** Whether no other assignment of the group has a value in the element's container. */
	private boolean aloneInGroup(EObject element, Group group, Assignment own) {
		EObject container = origins.get(element).container();
		for (Assignment other : GrammarUtil.containedAssignments(group)) {
			EStructuralFeature feature = container.eClass().getEStructuralFeature(other.getFeature());
			if (other != own && feature != null && container.eIsSet(feature)) {
				return false;
			}
		}
		return true;
	}

	/** The end of a single-line comment that follows on the same line, without its line break; else {@code end}. */
	private int trailingComment(int end) {
		int at = end;
		while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
			at++;
		}
		if (!isSingleLineComment(at)) {
			return end;
		}
		int lineBreak = text.indexOf('\n', at);
		return lineBreak < 0 ? text.length() : lineBreak;
	}

	/** Whether the line [start, end) holds only a single-line comment. */
	private boolean isCommentLine(int start, int end) {
		int at = start;
		while (at < end && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
			at++;
		}
		return at < end && isSingleLineComment(at);
	}

	/** Whether a single-line comment of the grammar (not, say, a string) starts at the offset. */
	private boolean isSingleLineComment(int offset) {
		if (!text.startsWith("//", offset)) {
			return false;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf != null && leaf.isHidden() && leaf.getOffset() == offset
				&& leaf.getGrammarElement() instanceof TerminalRule rule && rule.getName().equals("SL_COMMENT");
	}
}
