package org.incidentintel.api.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's parse and validation messages for clients: its dumps of syntax
 * tree nodes ({@code StringValue{value='garbage'}}, {@code ObjectValue{objectFields=[…}})
 * become the literal as written, abbreviated; "with ANTLR error" goes; and no value is
 * quoted longer than {@value #QUOTE} characters, so a request never gets a megabyte of
 * its own input back.
 */
final class ClientMessages {

	/** The longest stretch of a client's value quoted back. */
	static final int QUOTE = 40;

	/** The longest message; graphql-java's messages are far shorter unless they quote. */
	private static final int MESSAGE = 600;

	private static final Pattern NODE = Pattern
		.compile("\\b(StringValue|IntValue|FloatValue|BooleanValue|EnumValue|NullValue|ObjectValue|ArrayValue"
				+ "|VariableReference|ObjectField)\\{");

	/**
	 * A long quotation left once the nodes are replaced: a value quoted as text (an enum
	 * name, a variable's value). Shorter stretches between quotes may be the message's
	 * own words between two quotations, so they are left alone.
	 */
	private static final Pattern QUOTED = Pattern.compile("'([^']{121,})'");

	private static final Pattern AST_TYPES = Pattern.compile("Expected an AST type of '(\\w+)' but it was a '(\\w+)'");

	private ClientMessages() {
	}

	static String sanitize(String message) {
		if (message == null) {
			return null;
		}
		String text = message.replace("Invalid syntax with ANTLR error ", "Invalid syntax: ")
			.replace("Invalid syntax with offending token ", "Invalid syntax: unexpected ");
		text = AST_TYPES.matcher(text)
			.replaceAll((match) -> "expected " + kind(match.group(1)) + ", got " + kind(match.group(2)));
		text = replaceNodes(text);
		text = abbreviateQuotes(text);
		return (text.length() > MESSAGE) ? text.substring(0, MESSAGE) + "…" : text;
	}

	/** Each node dump replaced by the value as a client would have written it. */
	private static String replaceNodes(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), 4 * MESSAGE));
		int from = 0;
		Matcher node = NODE.matcher(text);
		while (node.find(from)) {
			int end = endOfNode(text, node.end());
			out.append(text, from, node.start()).append(render(node.group(1), text.substring(node.end(), end - 1)));
			from = end;
		}
		return out.append(text, from, text.length()).toString();
	}

	/**
	 * The index just past the brace that closes a node opened before {@code start}; a
	 * string value's text is skipped whole, since it may hold braces of its own.
	 */
	private static int endOfNode(String text, int start) {
		int depth = 1;
		int i = start;
		while (i < text.length()) {
			if (text.startsWith("StringValue{value='", i)) {
				int close = text.indexOf("'}", i + 19);
				i = (close < 0) ? text.length() : close + 2;
				continue;
			}
			char c = text.charAt(i++);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return text.length();
	}

	private static String render(String kind, String body) {
		return switch (kind) {
			case "StringValue" -> "\"" + abbreviate(between(body, "value='", "'")) + "\"";
			case "IntValue", "FloatValue", "BooleanValue" -> abbreviate(between(body, "value=", null));
			case "EnumValue" -> abbreviate(between(body, "name='", "'"));
			case "VariableReference" -> "$" + abbreviate(between(body, "name='", "'"));
			case "NullValue" -> "null";
			case "ArrayValue" -> "[…]";
			default -> "{…}";
		};
	}

	/** A syntax tree node's class as the kind of value a client wrote. */
	private static String kind(String node) {
		return switch (node) {
			case "IntValue" -> "an Int";
			case "FloatValue" -> "a Float";
			case "StringValue" -> "a String";
			case "BooleanValue" -> "a Boolean";
			case "EnumValue" -> "an enum value";
			case "NullValue" -> "null";
			case "ObjectValue" -> "an input object";
			case "ArrayValue" -> "a list";
			default -> "a value";
		};
	}

	private static String between(String body, String prefix, String suffix) {
		int start = body.indexOf(prefix);
		if (start < 0) {
			return "";
		}
		start += prefix.length();
		int end = (suffix != null) ? body.lastIndexOf(suffix) : body.length();
		return (end >= start) ? body.substring(start, end) : body.substring(start);
	}

	private static String abbreviateQuotes(String text) {
		return QUOTED.matcher(text)
			.replaceAll((match) -> Matcher.quoteReplacement("'" + abbreviate(match.group(1)) + "'"));
	}

	private static String abbreviate(String value) {
		return (value.length() <= QUOTE) ? value : value.substring(0, QUOTE) + "… (" + value.length() + " characters)";
	}

}
