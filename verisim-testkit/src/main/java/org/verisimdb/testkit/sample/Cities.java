package org.verisimdb.testkit.sample;

import java.util.List;

/**
 * Real cities the sample places stand for, with WGS 84 coordinates of their centres, rounded
 * populations (city proper or urban area, as commonly cited) and approximate elevations in
 * metres. Every continent is represented, including the far south and both sides of the
 * antimeridian. The table is ordered so that any prefix is spread over the world: a small set
 * uses the first few cities. Immutable and thread-safe.
 */
final class Cities {
  /** A city: name, country, continent, position in degrees, population, elevation in metres. */
  record City(String name, String country, String continent, double lat, double lon, int population, int elevation) {}

  /** Mean earth radius (IUGG), the one haversine distances use. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  private static final String EU = "Europe";
  private static final String AF = "Africa";
  private static final String AS = "Asia";
  private static final String NA = "North America";
  private static final String SA = "South America";
  private static final String OC = "Oceania";
  private static final String AN = "Antarctica";

  private static final List<City> CITIES = List.of(
      new City("Bergen", "Norway", EU, 60.3913, 5.3221, 285_900, 12),
      new City("Auckland", "New Zealand", OC, -36.8485, 174.7633, 1_695_000, 26),
      new City("Nairobi", "Kenya", AF, -1.2921, 36.8219, 4_397_000, 1795),
      new City("Tokyo", "Japan", AS, 35.6762, 139.6503, 13_960_000, 40),
      new City("São Paulo", "Brazil", SA, -23.5505, -46.6333, 12_330_000, 760),
      new City("Anchorage", "United States", NA, 61.2181, -149.9003, 291_000, 31),
      new City("Suva", "Fiji", OC, -18.1248, 178.4501, 93_970, 5),
      new City("Cape Town", "South Africa", AF, -33.9249, 18.4241, 4_618_000, 25),
      new City("Reykjavík", "Iceland", EU, 64.1466, -21.9426, 139_900, 15),
      new City("Vancouver", "Canada", NA, 49.2827, -123.1207, 675_200, 70),
      new City("Singapore", "Singapore", AS, 1.3521, 103.8198, 5_686_000, 15),
      new City("Lima", "Peru", SA, -12.0464, -77.0428, 9_752_000, 154),
      new City("Oslo", "Norway", EU, 59.9139, 10.7522, 709_000, 23),
      new City("Sydney", "Australia", OC, -33.8688, 151.2093, 5_312_000, 19),
      new City("Cairo", "Egypt", AF, 30.0444, 31.2357, 9_540_000, 23),
      new City("Mumbai", "India", AS, 19.0760, 72.8777, 12_440_000, 14),
      new City("Mexico City", "Mexico", NA, 19.4326, -99.1332, 9_209_000, 2240),
      new City("Buenos Aires", "Argentina", SA, -34.6037, -58.3816, 3_075_000, 25),
      new City("Trondheim", "Norway", EU, 63.4305, 10.3951, 212_700, 10),
      new City("Wellington", "New Zealand", OC, -41.2865, 174.7762, 215_400, 19),
      new City("Lagos", "Nigeria", AF, 6.5244, 3.3792, 15_400_000, 41),
      new City("Beijing", "China", AS, 39.9042, 116.4074, 21_540_000, 44),
      new City("New York", "United States", NA, 40.7128, -74.0060, 8_804_000, 10),
      new City("Santiago", "Chile", SA, -33.4489, -70.6693, 6_160_000, 570),
      new City("McMurdo Station", "Antarctica", AN, -77.8463, 166.6682, 1_000, 10),
      new City("London", "United Kingdom", EU, 51.5074, -0.1278, 8_982_000, 11),
      new City("Melbourne", "Australia", OC, -37.8136, 144.9631, 5_078_000, 31),
      new City("Addis Ababa", "Ethiopia", AF, 9.0300, 38.7400, 3_384_000, 2355),
      new City("Seoul", "South Korea", AS, 37.5665, 126.9780, 9_776_000, 38),
      new City("Toronto", "Canada", NA, 43.6532, -79.3832, 2_794_000, 76),
      new City("Paris", "France", EU, 48.8566, 2.3522, 2_102_000, 35),
      new City("Berlin", "Germany", EU, 52.5200, 13.4050, 3_645_000, 34),
      new City("Stockholm", "Sweden", EU, 59.3293, 18.0686, 984_700, 28),
      new City("Copenhagen", "Denmark", EU, 55.6761, 12.5683, 660_200, 14),
      new City("Helsinki", "Finland", EU, 60.1699, 24.9384, 664_000, 17),
      new City("Edinburgh", "United Kingdom", EU, 55.9533, -3.1883, 527_600, 47),
      new City("Dublin", "Ireland", EU, 53.3498, -6.2603, 592_700, 20),
      new City("Lyon", "France", EU, 45.7640, 4.8357, 522_200, 173),
      new City("Madrid", "Spain", EU, 40.4168, -3.7038, 3_305_000, 667),
      new City("Barcelona", "Spain", EU, 41.3874, 2.1686, 1_620_000, 12),
      new City("Lisbon", "Portugal", EU, 38.7223, -9.1393, 545_000, 50),
      new City("Rome", "Italy", EU, 41.9028, 12.4964, 2_873_000, 21),
      new City("Milan", "Italy", EU, 45.4642, 9.1900, 1_352_000, 120),
      new City("Munich", "Germany", EU, 48.1351, 11.5820, 1_488_000, 519),
      new City("Amsterdam", "Netherlands", EU, 52.3676, 4.9041, 873_000, -2),
      new City("Brussels", "Belgium", EU, 50.8503, 4.3517, 1_209_000, 13),
      new City("Vienna", "Austria", EU, 48.2082, 16.3738, 1_897_000, 151),
      new City("Zurich", "Switzerland", EU, 47.3769, 8.5417, 421_900, 408),
      new City("Prague", "Czechia", EU, 50.0755, 14.4378, 1_309_000, 200),
      new City("Warsaw", "Poland", EU, 52.2297, 21.0122, 1_790_000, 100),
      new City("Budapest", "Hungary", EU, 47.4979, 19.0402, 1_752_000, 102),
      new City("Athens", "Greece", EU, 37.9838, 23.7275, 664_000, 70),
      new City("Istanbul", "Türkiye", EU, 41.0082, 28.9784, 15_460_000, 39),
      new City("Moscow", "Russia", EU, 55.7558, 37.6173, 12_510_000, 156),
      new City("Kyiv", "Ukraine", EU, 50.4501, 30.5234, 2_884_000, 179),
      new City("Tallinn", "Estonia", EU, 59.4370, 24.7536, 437_600, 9),
      new City("Tromsø", "Norway", EU, 69.6492, 18.9553, 77_000, 10),
      new City("Longyearbyen", "Norway", EU, 78.2232, 15.6267, 2_400, 20),
      new City("Johannesburg", "South Africa", AF, -26.2041, 28.0473, 5_635_000, 1753),
      new City("Casablanca", "Morocco", AF, 33.5731, -7.5898, 3_359_000, 27),
      new City("Dakar", "Senegal", AF, 14.7167, -17.4677, 1_146_000, 22),
      new City("Accra", "Ghana", AF, 5.6037, -0.1870, 2_388_000, 61),
      new City("Kinshasa", "DR Congo", AF, -4.4419, 15.2663, 14_970_000, 240),
      new City("Dar es Salaam", "Tanzania", AF, -6.7924, 39.2083, 4_364_000, 55),
      new City("Tunis", "Tunisia", AF, 36.8065, 10.1815, 638_800, 4),
      new City("Antananarivo", "Madagascar", AF, -18.8792, 47.5079, 1_275_000, 1280),
      new City("Windhoek", "Namibia", AF, -22.5609, 17.0658, 325_900, 1655),
      new City("Kampala", "Uganda", AF, 0.3476, 32.5825, 1_680_000, 1190),
      new City("Osaka", "Japan", AS, 34.6937, 135.5023, 2_750_000, 12),
      new City("Shanghai", "China", AS, 31.2304, 121.4737, 24_870_000, 4),
      new City("Hong Kong", "China", AS, 22.3193, 114.1694, 7_500_000, 30),
      new City("Taipei", "Taiwan", AS, 25.0330, 121.5654, 2_600_000, 9),
      new City("Bangkok", "Thailand", AS, 13.7563, 100.5018, 10_540_000, 2),
      new City("Jakarta", "Indonesia", AS, -6.2088, 106.8456, 10_560_000, 8),
      new City("Manila", "Philippines", AS, 14.5995, 120.9842, 1_846_000, 7),
      new City("Hanoi", "Vietnam", AS, 21.0278, 105.8342, 8_054_000, 10),
      new City("Kuala Lumpur", "Malaysia", AS, 3.1390, 101.6869, 1_982_000, 56),
      new City("Delhi", "India", AS, 28.7041, 77.1025, 16_790_000, 216),
      new City("Bengaluru", "India", AS, 12.9716, 77.5946, 8_443_000, 920),
      new City("Kolkata", "India", AS, 22.5726, 88.3639, 4_497_000, 9),
      new City("Dhaka", "Bangladesh", AS, 23.8103, 90.4125, 8_906_000, 4),
      new City("Karachi", "Pakistan", AS, 24.8607, 67.0011, 14_910_000, 8),
      new City("Kathmandu", "Nepal", AS, 27.7172, 85.3240, 845_800, 1400),
      new City("Tehran", "Iran", AS, 35.6892, 51.3890, 8_694_000, 1190),
      new City("Dubai", "United Arab Emirates", AS, 25.2048, 55.2708, 3_331_000, 5),
      new City("Riyadh", "Saudi Arabia", AS, 24.7136, 46.6753, 7_676_000, 612),
      new City("Tashkent", "Uzbekistan", AS, 41.2995, 69.2401, 2_571_000, 455),
      new City("Almaty", "Kazakhstan", AS, 43.2220, 76.8512, 1_977_000, 800),
      new City("Ulaanbaatar", "Mongolia", AS, 47.8864, 106.9057, 1_540_000, 1350),
      new City("Vladivostok", "Russia", AS, 43.1198, 131.8869, 600_900, 50),
      new City("Petropavlovsk-Kamchatsky", "Russia", AS, 53.0452, 158.6483, 164_900, 50),
      new City("Seattle", "United States", NA, 47.6062, -122.3321, 737_000, 53),
      new City("San Francisco", "United States", NA, 37.7749, -122.4194, 874_000, 16),
      new City("Los Angeles", "United States", NA, 34.0522, -118.2437, 3_898_000, 93),
      new City("Denver", "United States", NA, 39.7392, -104.9903, 715_500, 1609),
      new City("Chicago", "United States", NA, 41.8781, -87.6298, 2_746_000, 181),
      new City("Montreal", "Canada", NA, 45.5017, -73.5673, 1_762_000, 36),
      new City("Boston", "United States", NA, 42.3601, -71.0589, 675_600, 43),
      new City("Washington", "United States", NA, 38.9072, -77.0369, 689_500, 22),
      new City("Miami", "United States", NA, 25.7617, -80.1918, 442_200, 2),
      new City("Houston", "United States", NA, 29.7604, -95.3698, 2_305_000, 15),
      new City("Havana", "Cuba", NA, 23.1136, -82.3666, 2_130_000, 59),
      new City("Calgary", "Canada", NA, 51.0447, -114.0719, 1_306_000, 1045),
      new City("Nuuk", "Greenland", NA, 64.1814, -51.6941, 19_600, 10),
      new City("Panama City", "Panama", NA, 8.9824, -79.5199, 880_700, 10),
      new City("Bogotá", "Colombia", SA, 4.7110, -74.0721, 7_181_000, 2640),
      new City("Quito", "Ecuador", SA, -0.1807, -78.4678, 2_011_000, 2850),
      new City("La Paz", "Bolivia", SA, -16.4897, -68.1193, 757_200, 3640),
      new City("Montevideo", "Uruguay", SA, -34.9011, -56.1645, 1_320_000, 43),
      new City("Rio de Janeiro", "Brazil", SA, -22.9068, -43.1729, 6_748_000, 5),
      new City("Manaus", "Brazil", SA, -3.1190, -60.0217, 2_219_000, 92),
      new City("Caracas", "Venezuela", SA, 10.4806, -66.9036, 2_082_000, 900),
      new City("Ushuaia", "Argentina", SA, -54.8019, -68.3030, 82_600, 23),
      new City("Punta Arenas", "Chile", SA, -53.1638, -70.9171, 131_600, 34),
      new City("Honolulu", "United States", OC, 21.3069, -157.8583, 350_900, 6),
      new City("Brisbane", "Australia", OC, -27.4698, 153.0251, 2_560_000, 27),
      new City("Perth", "Australia", OC, -31.9505, 115.8605, 2_141_000, 31),
      new City("Darwin", "Australia", OC, -12.4634, 130.8456, 139_000, 30),
      new City("Hobart", "Australia", OC, -42.8821, 147.3272, 247_100, 10),
      new City("Christchurch", "New Zealand", OC, -43.5321, 172.6362, 389_300, 20),
      new City("Nouméa", "New Caledonia", OC, -22.2758, 166.4580, 94_300, 10),
      new City("Apia", "Samoa", OC, -13.8506, -171.7513, 37_700, 2),
      new City("Nuku'alofa", "Tonga", OC, -21.1333, -175.2000, 23_200, 3),
      new City("Port Moresby", "Papua New Guinea", OC, -9.4438, 147.1803, 364_100, 35),
      new City("South Tarawa", "Kiribati", OC, 1.3290, 172.9790, 63_400, 3),
      new City("Funafuti", "Tuvalu", OC, -8.5211, 179.1983, 6_300, 2),
      new City("Papeete", "French Polynesia", OC, -17.5516, -149.5585, 26_900, 2));

  /** Unit vectors of the cities on the sphere; the closest city has the largest dot product. */
  private static final double[][] UNIT = new double[CITIES.size()][];

  static {
    for (int i = 0; i < CITIES.size(); i++) {
      UNIT[i] = unit(CITIES.get(i).lat(), CITIES.get(i).lon());
    }
  }

  private Cities() {}

  static int size() {
    return CITIES.size();
  }

  static City get(int index) {
    return CITIES.get(index);
  }

  static List<City> all() {
    return CITIES;
  }

  /**
   * The city closest to city {@code index} among cities {@code 0..limit-1}, itself excluded, or
   * -1 when there is no other. The limit lets a small set link only to places it has.
   */
  static int nearest(int index, int limit) {
    return closest(UNIT[index], index, Math.min(limit, CITIES.size()));
  }

  /** The city closest to a position. */
  static int nearestTo(double lat, double lon) {
    return closest(unit(lat, lon), -1, CITIES.size());
  }

  // Great-circle distance falls as the dot product of unit vectors rises, so comparing dot
  // products finds the nearest city without trigonometry per pair.
  private static int closest(double[] from, int exclude, int limit) {
    int best = -1;
    double bestDot = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < limit; i++) {
      if (i == exclude) {
        continue;
      }
      double[] u = UNIT[i];
      double dot = from[0] * u[0] + from[1] * u[1] + from[2] * u[2];
      if (dot > bestDot) {
        bestDot = dot;
        best = i;
      }
    }
    return best;
  }

  private static double[] unit(double lat, double lon) {
    double phi = Math.toRadians(lat);
    double lambda = Math.toRadians(lon);
    return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
  }

  /** Great-circle distance in kilometres (haversine). */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dPhi = Math.toRadians(lat2 - lat1);
    double dLambda = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
