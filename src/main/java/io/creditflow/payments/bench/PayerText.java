package io.creditflow.payments.bench;

import io.creditflow.shared.Betalingskenmerk;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** How payers write names, invoice numbers and references, including their mistakes. */
final class PayerText {

    static final List<String> FIRST = List.of("Jan", "Piet", "Kees", "Anna", "Sanne", "Lotte", "Emma", "Daan", "Sem",
            "Lucas", "Julia", "Mila", "Noah", "Liam", "Tess", "Sophie", "Bram", "Thijs", "Fleur", "Iris", "Mohammed",
            "Fatima", "Ahmet", "Ayse", "Wei", "Priya", "Joost", "Marloes", "Hendrik", "Willemijn", "Gerrit", "Ineke");
    static final List<String> LAST = List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
            "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
            "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok",
            "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
            "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra",
            "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "Yilmaz",
            "El Amrani", "Kaya", "Öztürk", "Nguyen", "Zwaneveld", "Oosterhout", "Terpstra", "Wijnands", "Zuidema");
    static final List<String> TRADES = List.of("Bakkerij", "Installatiebedrijf", "Transport", "Bouwbedrijf", "Schilders",
            "Hoveniers", "Garage", "Autobedrijf", "Kapsalon", "Drukkerij", "Loodgieters", "Elektro", "Techniek",
            "Administratiekantoor", "Adviesbureau", "Cateringbedrijf", "Tandartspraktijk", "Fysiotherapie",
            "Timmerbedrijf", "Dakdekkers", "Metaalbewerking", "Groothandel", "Webdesign", "Verhuur", "Schoonmaak");
    static final List<String> THIRD_PARTIES = List.of("Stichting Schuldhulpmaatje", "Gemeente Utrecht Sociale Dienst",
            "Bewindvoering Noord B.V.", "Kredietbank Rotterdam", "Plangroep Budgetbeheer", "Ouders Zorgkantoor");
    static final List<String> UNRELATED = List.of("Terugbetaling", "Retour order", "Rente", "Creditering leverancier",
            "Verzekering uitkering", "Teruggave belasting", "Huur parkeerplaats", "Storting kas");

    private PayerText() {
    }

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static String payerName(SplittableRandom rnd, BenchData.Debtor debtor) {
        String name = debtor.name();
        if (debtor.business()) {
            return switch (rnd.nextInt(3)) {
                case 0 -> name;
                case 1 -> name.toUpperCase(Locale.ROOT);
                default -> name.replace(" B.V.", "").replace(" BV", "");
            };
        }
        int space = name.indexOf(' ');
        String first = name.substring(0, space);
        String last = name.substring(space + 1);
        return switch (rnd.nextInt(4)) {
            case 0 -> name;
            case 1 -> first.charAt(0) + ". " + last;
            case 2 -> (first.charAt(0) + " " + last).toUpperCase(Locale.ROOT);
            default -> "Hr/Mw " + first.charAt(0) + " " + last;
        };
    }

    /** An invoice number the way people type it. */
    static String number(SplittableRandom rnd, String number) {
        String year = number.substring(1, 5);
        String serial = number.substring(6);
        String core = switch (rnd.nextInt(8)) {
            case 0 -> number;
            case 1 -> number.toLowerCase(Locale.ROOT);
            case 2 -> "F" + year + " " + serial.substring(0, 4) + " " + serial.substring(4);
            case 3 -> "F" + year + "." + serial;
            case 4 -> year + serial;
            case 5 -> "F" + year + serial;
            case 6 -> "F " + year + "-" + serial;
            default -> number;
        };
        return switch (rnd.nextInt(6)) {
            case 0 -> core;
            case 1 -> "Factuur " + core;
            case 2 -> "fact.nr. " + core + " dank u wel";
            case 3 -> "Ordernr " + (10000 + rnd.nextInt(90000)) + " factuur " + core;
            case 4 -> "betaling " + core;
            default -> "Inv " + core;
        };
    }

    /** One typing error in the serial part of an invoice number: a digit wrong, swapped, missing or extra. */
    static String numberWithTypo(SplittableRandom rnd, String number) {
        String serial = number.substring(6);
        String broken = typo(rnd, serial);
        return number(rnd, number.substring(0, 6) + broken);
    }

    static String typo(SplittableRandom rnd, String digits) {
        char[] c = digits.toCharArray();
        int at = rnd.nextInt(c.length);
        switch (rnd.nextInt(4)) {
            case 0 -> {
                c[at] = (char) ('0' + (c[at] - '0' + 1 + rnd.nextInt(9)) % 10);
                return new String(c);
            }
            case 1 -> {
                for (int i = 0; i < c.length - 1; i++) {
                    int p = (at + i) % (c.length - 1);
                    if (c[p] != c[p + 1]) {
                        char t = c[p];
                        c[p] = c[p + 1];
                        c[p + 1] = t;
                        return new String(c);
                    }
                }
                c[at] = (char) ('0' + (c[at] - '0' + 1) % 10);
                return new String(c);
            }
            case 2 -> {
                return digits.substring(0, at) + digits.substring(at + 1);
            }
            default -> {
                return digits.substring(0, at) + (char) ('0' + rnd.nextInt(10)) + digits.substring(at);
            }
        }
    }

    static String referenceInText(SplittableRandom rnd, String reference) {
        String shown = rnd.nextBoolean() ? Betalingskenmerk.parse(reference).formatted() : reference;
        return switch (rnd.nextInt(3)) {
            case 0 -> shown;
            case 1 -> "Betalingskenmerk " + shown;
            default -> "kenmerk: " + shown + " bedankt";
        };
    }
}
