package org.iopcare.support.web;

/**
 * Bounds for paged lists: a page is at most {@link #MAX_SIZE} items and the page number at most
 * {@link #MAX_PAGE}, so page × size stays far below what an {@code int} offset can hold (a page
 * number of 2147483647 otherwise overflows the query's offset and fails as a 500).
 */
public final class Paging {

    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {}
}
