package org.liaisondesk.tagging;

import java.util.List;

/** Proposes task areas for an opinion's text. Pure computation: no database, no FX, safe from any thread. */
public interface Tagger {

    /** Best first; empty when no task area fits (thanks, personal requests, private disputes). */
    List<Suggestion> suggest(String text);

    /** The taxonomy version the suggestions are made against; stored with every tag. */
    String taxonomyVersion();
}
