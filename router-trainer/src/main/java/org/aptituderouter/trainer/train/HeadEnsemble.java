package org.aptituderouter.trainer.train;

import java.util.List;

/**
 * Heads trained alike from different seeds, scored together by averaging their logits. Decisions between
 * near-equal candidates hinge on small probability differences; averaging members removes the part of those
 * differences that is seed noise.
 */
public record HeadEnsemble(List<HeadWeights> members) {

    public HeadEnsemble {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one head");
        }
        HeadArchitecture first = members.get(0).architecture();
        if (members.stream().anyMatch(member -> !member.architecture().equals(first))) {
            throw new IllegalArgumentException("ensemble members differ in architecture");
        }
    }

    public HeadArchitecture architecture() {
        return members.get(0).architecture();
    }

    public boolean sameValues(HeadEnsemble other) {
        if (members.size() != other.members.size()) {
            return false;
        }
        for (int i = 0; i < members.size(); i++) {
            if (!members.get(i).sameValues(other.members.get(i))) {
                return false;
            }
        }
        return true;
    }
}
