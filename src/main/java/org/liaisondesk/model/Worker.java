package org.liaisondesk.model;

/** The person working at the window; the name is the actor of every change they make. */
public record Worker(String name, WorkerRole role) {

    public Worker {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("worker name is empty");
        }
        name = name.strip();
        role = role == null ? WorkerRole.CLERK : role;
    }
}
