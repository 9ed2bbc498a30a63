package io.creditflow.demo;

import java.util.List;

/** Word lists for plausible names and places. Postcode ranges are real ranges of the cities named. */
final class DemoPeople {

    private DemoPeople() {
    }

    static final List<String> NL_FIRST = List.of("Jan", "Pieter", "Sanne", "Emma", "Lotte", "Daan", "Sem", "Lucas",
            "Julia", "Mila", "Tess", "Bram", "Noah", "Anouk", "Femke", "Thijs", "Ruben", "Marieke", "Henk", "Ingrid",
            "Willem", "Johanna", "Kees", "Annelies", "Joost", "Fleur", "Maarten", "Eva", "Sophie", "Gerrit", "Yara",
            "Mohammed", "Fatima", "Priya", "Wei", "Ayse", "Bas", "Lieke", "Niels", "Iris");
    static final List<String> NL_LAST = List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
            "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
            "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok",
            "Jacobs", "van der Linden", "Vermeulen", "van den Heuvel", "El Amrani", "Yilmaz", "Bouzid", "Wang",
            "Kramer", "Prins", "Huisman", "Postma", "Koster", "Hoekstra");
    static final List<String> BE_FIRST = List.of("Wout", "Lars", "Ine", "Lien", "Jef", "Stijn", "Elke", "Mathias",
            "Camille", "Louis", "Chloé", "Hélène", "Arnaud", "Nathalie");
    static final List<String> BE_LAST = List.of("Peeters", "Maes", "Claes", "Goossens", "Wouters", "De Smet",
            "Dubois", "Lambert", "Dupont", "Willems", "Mertens", "Van Damme", "Lemaire", "Vandenberghe");
    static final List<String> DE_FIRST = List.of("Lukas", "Anna", "Jonas", "Lea", "Felix", "Hannah", "Maximilian",
            "Sophie", "Paul", "Marie", "Jürgen", "Ursula", "Stefan", "Sabine");
    static final List<String> DE_LAST = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
            "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf");

    static final List<String> NL_STREETS = List.of("Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg",
            "Stationsweg", "Julianastraat", "Wilhelminastraat", "Beatrixlaan", "Nieuweweg", "Parallelweg",
            "Prinsengracht", "Hoofdstraat", "Eikenlaan", "Lindelaan", "Marktplein", "Industrieweg", "Havenstraat");
    static final List<String> BE_STREETS = List.of("Kerkstraat", "Stationsstraat", "Rue de la Station",
            "Grote Markt", "Nieuwstraat", "Rue Haute", "Meir", "Veldstraat");
    static final List<String> DE_STREETS = List.of("Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße",
            "Dorfstraße", "Bergstraße", "Lindenstraße", "Kirchstraße");

    /** City with its postcode range. */
    record City(String name, int from, int to) {
    }

    static final List<City> NL_CITIES = List.of(new City("Amsterdam", 1011, 1109), new City("Rotterdam", 3011, 3089),
            new City("Den Haag", 2491, 2597), new City("Utrecht", 3511, 3585), new City("Eindhoven", 5611, 5658),
            new City("Groningen", 9711, 9747), new City("Tilburg", 5011, 5049), new City("Almere", 1311, 1364),
            new City("Breda", 4811, 4845), new City("Nijmegen", 6511, 6546), new City("Zwolle", 8011, 8046),
            new City("Leeuwarden", 8911, 8941), new City("Maastricht", 6211, 6229), new City("Haarlem", 2011, 2036));
    static final List<City> BE_CITIES = List.of(new City("Antwerpen", 2000, 2060), new City("Gent", 9000, 9052),
            new City("Brussel", 1000, 1210), new City("Leuven", 3000, 3012), new City("Brugge", 8000, 8380),
            new City("Liège", 4000, 4032));
    static final List<City> DE_CITIES = List.of(new City("Berlin", 10115, 14199), new City("Köln", 50667, 51149),
            new City("Düsseldorf", 40210, 40629), new City("Aachen", 52062, 52080), new City("Münster", 48143, 48167),
            new City("Hamburg", 20095, 22769));

    static final List<String> BUSINESS_NL = List.of("Installatietechniek", "Bouw", "Transport", "Schilders",
            "Bakkerij", "Groothandel", "Hoveniers", "ICT", "Autobedrijf", "Catering", "Administratiekantoor",
            "Kinderopvang", "Tandartspraktijk", "Meubelmakerij", "Elektrotechniek");
    static final List<String> BUSINESS_DE = List.of("Logistik", "Bau", "Handel", "Technik", "Gastronomie");
    static final List<String> MAIL_DOMAINS = List.of("ziggo.example", "kpnmail.example", "gmail.example",
            "hotmail.example", "outlook.example", "xs4all.example", "telenet.example", "web.example");
    static final List<String> PRODUCT_LINES = List.of("Kantoorartikelen", "Verpakkingsmateriaal", "Installatiewerk",
            "Onderhoudscontract", "Schoonmaakmiddelen", "Koffie en thee", "Bouwmaterialen", "Gereedschap");
}
