package org.zerocarbon.lang.ui.properties;

import java.util.List;

import org.zerocarbon.lang.ui.edit.ModelElementRef;

/**
 * The properties of one model element as read on the language thread: plain data that the Properties view shows
 * on the UI thread, so that no EMF object leaves the language thread.
 *
 * @param element    the element
 * @param properties its properties, in the order of the metamodel
 */
record ElementProperties(ModelElementRef element, List<Property> properties) {

	/** How a property is edited. */
	enum Kind {
		/** The element's name: an identifier; renaming updates the references to it. */
		NAME,
		/** Free text (a string of the DSL); empty removes it. */
		TEXT,
		/** A whole number. */
		INTEGER,
		/** A decimal number. */
		DECIMAL,
		/** A number with its unit, e.g. 27.5 kW; empty removes it. */
		QUANTITY,
		/** One of the values of an enumeration. */
		CHOICE,
		/** Yes or no. */
		BOOLEAN,
		/** Another element, by the name under which it is visible here. */
		REFERENCE,
		/** Shown, but edited in the text (lists, nested elements). */
		READ_ONLY
	}

	/**
	 * One property.
	 *
	 * @param id          the metamodel feature's name, unique within the element
	 * @param displayName e.g. "Rated Power"
	 * @param category    e.g. "Figures"
	 * @param description what it means (the metamodel's documentation)
	 * @param kind        how it is edited
	 * @param value       the value as written in the DSL ("25 kW", "vmc", "Cell.VMC1"), empty when not set
	 * @param choices     for choices and references: the values that can be chosen, as written in the DSL
	 * @param optional    whether it can be removed (an empty choice is offered)
	 */
	record Property(String id, String displayName, String category, String description, Kind kind, String value,
			List<String> choices, boolean optional) {
	}
}
