package org.liaisondesk.model;

import java.time.Instant;

/**
 * One entry of a case's handling history as people read it: an action ({@code assign}, {@code reply}, ...) with the
 * stage before and after, or a field it changed ({@code due_date}, {@code reason}, ...) with its old and new value.
 */
public record HandlingStep(Instant at, String actor, String what, String before, String after) {
}
