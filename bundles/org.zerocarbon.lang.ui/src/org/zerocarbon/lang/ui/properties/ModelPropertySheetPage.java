package org.zerocarbon.lang.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertySheetPage;
import org.zerocarbon.lang.ide.edit.ModelElements;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.edit.ModelEdits;
import org.zerocarbon.lang.ui.edit.ModelElementRef;
import org.zerocarbon.lang.ui.internal.LanguageAccess;
import org.zerocarbon.lang.ui.properties.ElementProperties.Property;

/**
 * The Properties view page for ZeroCarbon model elements. It shows the properties of the element at the caret of
 * a ZeroCarbon text editor, or of the selected elements of any part whose selection holds {@link ModelElementRef}s
 * (or objects that adapt to one, like the outline's nodes), read on the language thread; a value set in the view
 * is written to the text as a model change ({@link ModelEdits#modify}), so it is one undo step in the text
 * editor's history.
 * <p>
 * The ZeroCarbon text editor provides this page by itself. Another editor of model elements (a diagram) provides
 * it from {@code getAdapter(IPropertySheetPage.class)} and puts {@code ModelElementRef}s in its selection.
 */
public class ModelPropertySheetPage extends PropertySheetPage {

	private long requests;
	private IWorkbenchPart shownPart;
	private List<ElementPropertySource> sources = List.of();

	/** A page for ZeroCarbon model elements. */
	public ModelPropertySheetPage() {
		setPropertySourceProvider(object -> object instanceof IPropertySource source ? source
				: Adapters.adapt(object, IPropertySource.class));
	}

	@Override
	public void selectionChanged(IWorkbenchPart part, ISelection selection) {
		long request = ++requests;
		if (part instanceof ZcEditor editor && selection instanceof ITextSelection text) {
			IFile file = editor.session() == null ? null : editor.session().file();
			if (file == null) {
				show(request, part, List.of());
				return;
			}
			editor.session().read("properties at the caret", snapshot -> {
				EObject element = PropertyReader.elementAt(snapshot.resource(), text.getOffset());
				return element == null ? null : PropertyReader.read(file, element);
			}).whenComplete((properties, failure) -> ui(() -> show(request, part,
					properties == null ? List.of() : List.of(properties))));
			return;
		}
		List<ModelElementRef> elements = elementsOf(selection);
		if (elements.isEmpty()) {
			shownPart = null;
			sources = List.of();
			super.selectionChanged(part, selection);
			return;
		}
		load(request, part, elements);
	}

	/** The property sources shown now, one per selected element (for tests and tools). */
	public List<IPropertySource> sources() {
		return List.copyOf(sources);
	}

	/** The model elements in a structured selection: the elements that are or adapt to a {@link ModelElementRef}. */
	private static List<ModelElementRef> elementsOf(ISelection selection) {
		List<ModelElementRef> elements = new ArrayList<>();
		if (selection instanceof IStructuredSelection structured) {
			for (Object selected : structured.toList()) {
				ModelElementRef element = Adapters.adapt(selected, ModelElementRef.class);
				if (element != null) {
					elements.add(element);
				}
			}
		}
		return elements;
	}

	private void load(long request, IWorkbenchPart part, List<ModelElementRef> elements) {
		List<CompletableFuture<ElementProperties>> reads = new ArrayList<>();
		for (ModelElementRef element : elements) {
			reads.add(ModelEdits.read(element.file(), "properties of " + element.label(),
					model -> PropertyReader.read(element.file(), ModelElements.at(model, element.fragment(), EObject.class))));
		}
		CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> ui(() -> {
			List<ElementProperties> read = new ArrayList<>();
			for (CompletableFuture<ElementProperties> each : reads) {
				// An element that is gone (the text changed meanwhile) is left out.
				if (!each.isCompletedExceptionally()) {
					read.add(each.join());
				}
			}
			show(request, part, read);
		}));
	}

	private void show(long request, IWorkbenchPart part, List<ElementProperties> read) {
		if (request != requests || getControl() == null || getControl().isDisposed()) {
			return;
		}
		shownPart = part;
		sources = read.stream().map(properties -> new ElementPropertySource(properties, this::edit)).toList();
		super.selectionChanged(part, new StructuredSelection(sources.toArray()));
	}

	/** Writes a property set in the view to the text, then shows the element's properties as they are now. */
	private void edit(Property property, String text) {
		ElementPropertySource source = sources.stream()
				.filter(s -> s.properties().properties().contains(property)).findFirst().orElse(null);
		if (source == null) {
			return;
		}
		ModelElementRef element = source.element();
		String label = "Set " + property.displayName() + " of " + element.label();
		CompletableFuture<?> change;
		try {
			change = ModelEdits.modify(element.file(), label, PropertyChanges.set(element.fragment(), property, text));
		} catch (RuntimeException refused) {
			change = CompletableFuture.failedFuture(refused);
		}
		change.whenComplete((result, failure) -> ui(() -> {
			if (failure != null) {
				// Shown without blocking (the view stays usable); not logged: it is the user's input or text.
				StatusManager.getManager().handle(Status.error("Cannot set " + property.displayName() + " of "
						+ element.label() + ": " + LanguageAccess.unwrapMessage(failure)), StatusManager.SHOW);
			}
			reload();
		}));
	}

	/** Reads the shown elements again (after a change). */
	private void reload() {
		if (shownPart != null && !sources.isEmpty()) {
			load(++requests, shownPart, sources.stream().map(ElementPropertySource::element).toList());
		}
	}

	private void ui(Runnable runnable) {
		Display display = getControl() == null || getControl().isDisposed() ? null : getControl().getDisplay();
		if (display != null) {
			display.asyncExec(() -> {
				if (getControl() != null && !getControl().isDisposed()) {
					runnable.run();
				}
			});
		}
	}
}
