package org.zerocarbon.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.LinkedHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.zerocarbon.lang.batch.ZcLanguage;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Writes declared products into a {@code .zc} factor library. A product whose EPD UUID is already in the library
 * is replaced in place (keeping its name, so references to it stay valid); new products go at the end of the
 * first factor library. Every other byte of the file stays as it was. A new file gets a package of the library's
 * name ({@code supplier-epds.zc}: {@code package SupplierEpds}, products referenced as {@code SupplierEpds.Name}). A file that does not parse is not touched,
 * and the file is replaced atomically (temporary file beside it, then a move).
 */
public final class LibraryWriter {

	private LibraryWriter() {
	}

	/**
	 * Adds or replaces the products of {@code epds} in {@code library} (created when missing) and records what it
	 * did in {@code report}.
	 */
	public static void write(Path library, List<EpdDataset> epds, ImportReport report) throws InteropException {
		List<Element> elements = new ArrayList<>();
		for (EpdDataset epd : epds) {
			elements.add(new Element(epd.uuid(), epd.name(), epd.file(), (name, indent, names) -> ZcProductText.product(epd, name, indent)));
		}
		write(library, elements, LibraryWriter::productsByEpd, report);
	}

	/**
	 * An element to write: its identity ({@code key}, e.g. the EPD or process UUID), a name to derive its DSL name
	 * from, where it was read, and its text given its name, its indentation and the names of the others by key.
	 */
	public record Element(String key, String nameHint, String origin, Text text) {
	}

	/** The text of an element. */
	@FunctionalInterface
	public interface Text {
		String of(String name, String indent, Map<String, String> namesByKey);
	}

	/** The elements already in a library, by key. */
	public static Map<String, NamedElement> productsByEpd(FactorLibrary library) {
		Map<String, NamedElement> map = new HashMap<>();
		for (DeclaredProduct product : library.getProducts()) {
			if (product.getEpd() != null) {
				map.putIfAbsent(product.getEpd(), product);
			}
		}
		return map;
	}

	/** Adds or replaces elements (matched by key through {@code existing}) in {@code library}. */
	public static void write(Path library, List<Element> elements, Function<FactorLibrary, Map<String, NamedElement>> existing,
			ImportReport report) throws InteropException {
		String display = library.getFileName().toString();
		String original;
		boolean exists = Files.exists(library);
		if (exists) {
			try {
				original = Files.readString(library, StandardCharsets.UTF_8);
			} catch (IOException e) {
				throw new InteropException(library.toString(), 0, "cannot read the library: " + e.getMessage(), e);
			}
		} else {
			String name = ZcProductText.libraryName(display);
			// products are named in their package (ZcQualifiedNameProvider): a package of the library's name gives
			// references such as 'epd SupplierEpds.GreyIronCasting' and keeps the names apart from other files'
			original = "package " + name + "\n\nfactors " + name + " " + ZcProductText.string("Supplier EPDs (imported)") + " {\n}\n";
		}
		String updated = update(original, library.toString(), elements, existing, report);
		check(updated, library.toString());
		atomicWrite(library, updated);
	}

	/** The library text with the elements added or replaced. */
	static String update(String text, String display, List<Element> elements, Function<FactorLibrary, Map<String, NamedElement>> existing,
			ImportReport report) throws InteropException {
		XtextResource resource = parse(text, display);
		if (resource.getParseResult().hasSyntaxErrors()) {
			INode error = resource.getParseResult().getSyntaxErrors().iterator().next();
			throw new InteropException(display, error.getStartLine(), "the library does not parse (" + error.getSyntaxErrorMessage().getMessage()
					+ "); it was not touched: fix it first");
		}
		ZcModel model = (ZcModel) resource.getContents().get(0);
		FactorLibrary target = null;
		Map<String, NamedElement> byKey = new HashMap<>();
		Set<String> names = new HashSet<>();
		for (var element : model.getElements()) {
			if (element instanceof FactorLibrary library) {
				if (target == null) {
					target = library;
					library.getProducts().forEach(p -> names.add(p.getName()));
					library.getFactors().stream().map(EmissionFactor::getName).forEach(names::add);
					library.getProcesses().forEach(p -> names.add(p.getName()));
				}
				existing.apply(library).forEach(byKey::putIfAbsent);
			}
		}
		// names first (kept for replaced elements, so that references to them stay valid), then the texts
		Map<String, String> nameOfKey = new LinkedHashMap<>();
		List<Element> unique = new ArrayList<>();
		for (Element element : elements) {
			if (nameOfKey.containsKey(element.key())) {
				report.warning(element.origin() + ": " + element.key() + " appears twice in the input; the first one is kept");
				continue;
			}
			NamedElement old = byKey.get(element.key());
			nameOfKey.put(element.key(), old != null ? old.getName() : ZcProductText.name(element.nameHint(), names));
			unique.add(element);
		}
		List<Edit> edits = new ArrayList<>();
		StringBuilder appended = new StringBuilder();
		String newline = text.contains("\r\n") ? "\r\n" : "\n";
		for (Element element : unique) {
			String name = nameOfKey.get(element.key());
			NamedElement old = byKey.get(element.key());
			if (old != null) {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(old);
				String indent = indentAt(text, node.getOffset());
				edits.add(new Edit(node.getOffset(), node.getEndOffset(), element.text().of(name, indent, nameOfKey).replace("\n", newline)));
				report.replaced(name);
			} else {
				appended.append('\t').append(element.text().of(name, "\t", nameOfKey).replace("\n", newline)).append(newline);
				report.added(name);
			}
		}
		if (!appended.isEmpty()) {
			if (target == null) {
				String suffix = text.isEmpty() || text.endsWith("\n") ? "" : newline;
				edits.add(new Edit(text.length(), text.length(), suffix + newline + "factors " + ZcProductText.libraryName(fileName(display)) + " "
						+ ZcProductText.string("Supplier EPDs (imported)") + " {" + newline + appended + "}" + newline));
			} else {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(target);
				int close = node.getEndOffset() - 1; // the library's closing brace
				int lineStart = close;
				while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
					lineStart--;
				}
				boolean ownLine = lineStart == 0 || text.charAt(lineStart - 1) == '\n';
				edits.add(new Edit(ownLine ? lineStart : close, ownLine ? lineStart : close, (ownLine ? "" : newline) + appended));
			}
		}
		edits.sort(Comparator.comparingInt(Edit::start).reversed());
		StringBuilder result = new StringBuilder(text);
		for (Edit edit : edits) {
			result.replace(edit.start(), edit.end(), edit.text());
		}
		return result.toString();
	}

	private record Edit(int start, int end, String text) {
	}

	private static String fileName(String display) {
		return Path.of(display).getFileName().toString();
	}

	private static String indentAt(String text, int offset) {
		int start = offset;
		while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
			start--;
		}
		return text.substring(start, offset);
	}

	private static XtextResource parse(String text, String display) throws InteropException {
		XtextResourceSet set = ZcLanguage.injector().getInstance(XtextResourceSet.class);
		Resource resource = set.createResource(URI.createURI("dummy:/" + fileName(display).replaceAll("[^A-Za-z0-9_.-]", "_")
				+ (display.endsWith(".zc") ? "" : ".zc")));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
		} catch (IOException e) {
			throw new InteropException(display, 0, "cannot parse: " + e.getMessage(), e);
		}
		return (XtextResource) resource;
	}

	/** Guards against writing a library the language cannot read (a bug here must never cost the user's file). */
	private static void check(String text, String display) throws InteropException {
		XtextResource resource = parse(text, display);
		if (resource.getParseResult().hasSyntaxErrors()) {
			INode error = resource.getParseResult().getSyntaxErrors().iterator().next();
			throw new InteropException(display, error.getStartLine(), "internal error: the updated library would not parse ("
					+ error.getSyntaxErrorMessage().getMessage() + "); nothing was written");
		}
	}

	/** Writes through a temporary file in the same directory and moves it over the target. */
	public static void atomicWrite(Path target, String text) throws InteropException {
		atomicWrite(target, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes through a temporary file in the same directory and moves it over the target. */
	public static void atomicWrite(Path target, byte[] bytes) throws InteropException {
		Path dir = target.toAbsolutePath().getParent();
		Path temp = null;
		try {
			Files.createDirectories(dir);
			temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
			Files.write(temp, bytes);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			temp = null;
		} catch (IOException e) {
			throw new InteropException(target.toString(), 0, "cannot write: " + e.getMessage(), e);
		} finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				} catch (IOException ignored) {
					// best effort
				}
			}
		}
	}
}
