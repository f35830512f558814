package org.aptituderouter.trainer.aptitude;

import java.util.Comparator;

/** Orders question ids numerically when they are numbers ("70" before "123"), lexically otherwise. */
enum QuestionIdOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean bNumeric = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (aNumeric && bNumeric && a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
