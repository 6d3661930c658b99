package org.zerocarbon.lang.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;
import org.zerocarbon.lang.ui.edit.ModelElementRef;
import org.zerocarbon.lang.ui.properties.ElementProperties.Kind;
import org.zerocarbon.lang.ui.properties.ElementProperties.Property;

/**
 * The Properties view's source for one model element, from properties read on the language thread. Setting a
 * value hands the property and the new text to {@code edit}, which writes it to the text as a model change.
 */
final class ElementPropertySource implements IPropertySource {

	private final ElementProperties properties;
	private final BiConsumer<Property, String> edit;

	ElementPropertySource(ElementProperties properties, BiConsumer<Property, String> edit) {
		this.properties = properties;
		this.edit = edit;
	}

	/** The element shown. */
	ModelElementRef element() {
		return properties.element();
	}

	@Override
	public Object getEditableValue() {
		return this;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		List<IPropertyDescriptor> descriptors = new ArrayList<>();
		for (Property property : properties.properties()) {
			PropertyDescriptor descriptor = switch (property.kind()) {
				case READ_ONLY -> new PropertyDescriptor(property.id(), property.displayName());
				case CHOICE, BOOLEAN, REFERENCE -> new ComboBoxPropertyDescriptor(property.id(), property.displayName(),
						choices(property).toArray(String[]::new));
				default -> {
					TextPropertyDescriptor text = new TextPropertyDescriptor(property.id(), property.displayName());
					text.setValidator(value -> value == null ? null : PropertyChanges.problem(property, value.toString()));
					yield text;
				}
			};
			descriptor.setCategory(property.category());
			descriptor.setDescription(property.description()
					+ (property.kind() == Kind.READ_ONLY ? " (Edit it in the text.)" : ""));
			// Several elements selected: show each one's own values, not a merge.
			descriptor.setAlwaysIncompatible(true);
			descriptors.add(descriptor);
		}
		return descriptors.toArray(IPropertyDescriptor[]::new);
	}

	/** What a choice list offers: nothing (when it can be removed), the current value, then the others. */
	private static List<String> choices(Property property) {
		List<String> choices = new ArrayList<>();
		if (property.optional() && property.kind() != Kind.BOOLEAN) {
			choices.add("");
		}
		if (!property.value().isEmpty() && !property.choices().contains(property.value())) {
			choices.add(property.value());
		}
		choices.addAll(property.choices());
		return choices;
	}

	@Override
	public Object getPropertyValue(Object id) {
		Property property = property(id);
		if (property == null) {
			return null;
		}
		return switch (property.kind()) {
			case CHOICE, BOOLEAN, REFERENCE -> Integer.valueOf(Math.max(0, choices(property).indexOf(property.value())));
			default -> property.value();
		};
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		Property property = property(id);
		if (property == null || property.kind() == Kind.READ_ONLY || value == null) {
			return;
		}
		String text = value instanceof Integer index ? choices(property).get(index) : value.toString();
		if (!text.strip().equals(property.value())) {
			edit.accept(property, text);
		}
	}

	@Override
	public boolean isPropertySet(Object id) {
		// No defaults to return to: values are removed by clearing them.
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
		// See isPropertySet.
	}

	/** The properties read for the element (for tests and tools). */
	ElementProperties properties() {
		return properties;
	}

	private Property property(Object id) {
		for (Property property : properties.properties()) {
			if (property.id().equals(id)) {
				return property;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return properties.element().label();
	}
}
