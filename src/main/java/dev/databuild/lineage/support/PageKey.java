package dev.databuild.lineage.support;

/** DataLoader key of a connection field: the parent and the page it asked for. */
public record PageKey<K>(K parent, PageArgs page) {
}
