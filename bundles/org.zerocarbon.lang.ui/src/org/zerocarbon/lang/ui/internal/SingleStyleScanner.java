package org.zerocarbon.lang.ui.internal;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;

/** Colours a whole range in one style: comment and string partitions, and plain text while the language starts. */
final class SingleStyleScanner implements ITokenScanner {

	private final String styleId;
	private int offset;
	private int length;
	private boolean done;

	/** @param styleId an Xtext highlighting style id (see {@link Styles}) */
	SingleStyleScanner(String styleId) {
		this.styleId = styleId;
	}

	@Override
	public void setRange(IDocument document, int rangeOffset, int rangeLength) {
		offset = rangeOffset;
		length = rangeLength;
		done = false;
	}

	@Override
	public IToken nextToken() {
		if (done || length <= 0) {
			return Token.EOF;
		}
		done = true;
		return new Token(Styles.attribute(styleId));
	}

	@Override
	public int getTokenOffset() {
		return offset;
	}

	@Override
	public int getTokenLength() {
		return length;
	}
}
