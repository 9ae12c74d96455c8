package dev.tollgate.token;

/** What a token may do: read only, or read and write. */
public enum AccessLevel {

    READ_ONLY("Read only"),
    READ_AND_WRITE("Read and write");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a token at this level may do what {@code required} asks for. */
    public boolean permits(AccessLevel required) {
        return required == READ_ONLY || this == READ_AND_WRITE;
    }
}
