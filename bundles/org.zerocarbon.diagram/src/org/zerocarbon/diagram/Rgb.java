package org.zerocarbon.diagram;

/**
 * An opaque colour, the value type the {@link Painter} takes. It maps onto an SWT {@code Color}
 * created from the same red, green and blue components.
 *
 * @param red   0..255
 * @param green 0..255
 * @param blue  0..255
 */
public record Rgb(int red, int green, int blue) {

	/** Black. */
	public static final Rgb BLACK = new Rgb(0, 0, 0);
	/** White. */
	public static final Rgb WHITE = new Rgb(255, 255, 255);

	/** Checks the components are in range. */
	public Rgb {
		if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
			throw new IllegalArgumentException("colour components must be 0..255: " + red + "," + green + "," + blue);
		}
	}

	/** The colour as a CSS/SVG hex string, for example {@code #1f77b4}. */
	public String hex() {
		// Hand-rolled rather than String.format: the SVG painter asks for it for every primitive.
		char[] c = new char[7];
		c[0] = '#';
		int rgb = red << 16 | green << 8 | blue;
		for (int i = 6; i >= 1; i--, rgb >>= 4) {
			c[i] = Character.forDigit(rgb & 0xf, 16);
		}
		return new String(c);
	}

	/** A linear blend towards {@code other}; {@code t = 0} is this colour, {@code t = 1} the other. */
	public Rgb mix(Rgb other, double t) {
		double k = Math.max(0, Math.min(1, t));
		return new Rgb((int) Math.round(red + (other.red - red) * k), (int) Math.round(green + (other.green - green) * k),
				(int) Math.round(blue + (other.blue - blue) * k));
	}
}
