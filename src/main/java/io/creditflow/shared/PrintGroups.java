package io.creditflow.shared;

/** The print form of account numbers and payment references: groups of four characters from the left. */
final class PrintGroups {

    private PrintGroups() {
    }

    /** {@code NL91ABNA0417164300} becomes {@code NL91 ABNA 0417 1643 00}. */
    static String ofFour(String electronic) {
        StringBuilder out = new StringBuilder(electronic.length() + electronic.length() / 4);
        for (int i = 0; i < electronic.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(electronic.charAt(i));
        }
        return out.toString();
    }
}
