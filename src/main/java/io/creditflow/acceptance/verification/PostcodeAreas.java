package io.creditflow.acceptance.verification;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Distance between two Dutch postcodes, by their two-digit postcode areas ({@code acceptance/postcode-areas-nl.csv}:
 * the main town of each area with approximate coordinates; see its header for how it was made and how accurate it
 * is). Great-circle distance between the two area points, rounded to whole kilometres; 0 within one area.
 */
public final class PostcodeAreas {

    private static final String RESOURCE = "/acceptance/postcode-areas-nl.csv";
    private static final double EARTH_RADIUS_KM = 6371.0;

    private record Point(String town, double lat, double lon) {
    }

    private final Map<String, Point> areas;

    private PostcodeAreas(Map<String, Point> areas) {
        this.areas = Map.copyOf(areas);
    }

    public static PostcodeAreas fromBundledTable() {
        try (InputStream in = PostcodeAreas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Map<String, Point> areas = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("area,")) {
                    continue;
                }
                String[] f = line.split(",");
                areas.put(f[0], new Point(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
            return new PostcodeAreas(areas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return areas.size();
    }

    /** Kilometres between the areas of two normalised Dutch postcodes ({@code 1234 AB}); null if an area is unknown. */
    public @Nullable Integer distanceKm(String postcodeA, String postcodeB) {
        Point a = areas.get(postcodeA.substring(0, 2));
        Point b = areas.get(postcodeB.substring(0, 2));
        if (a == null || b == null) {
            return null;
        }
        if (a == b) {
            return 0;
        }
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return (int) Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)));
    }
}
