package castle.gateway.identity.kyc;

import castle.gateway.api.ApiException;
import castle.gateway.v1.JsonBody;
import castle.schema.users.SubmitKyc;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A KYC submission as the API takes it, checked before it is sent: a full name of letters, an ISO
 * 3166-1 alpha-2 country, an ISO 8601 date of birth of an adult (18 or older, born after 1900) and a
 * reference to where the identity document is kept (never the document itself).
 */
public final class KycForm {

  /** The ISO code for "unknown region", which only admins may record. */
  public static final String UNKNOWN_COUNTRY = "ZZ";

  /** Longest full name. */
  public static final int MAX_NAME = 120;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]{0,119}");
  private static final Pattern REFERENCE = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final int ADULT_YEARS = 18;

  private KycForm() {}

  /** A full name of letters, spaces, dots, apostrophes and hyphens; -1130 otherwise. */
  public static String fullName(String text) {
    String name = text.strip();
    if (!NAME.matcher(name).matches()) {
      throw ApiException.invalidValue("fullName");
    }
    return name;
  }

  /**
   * The submission in {@code body}.
   *
   * @param allowUnknownCountry whether country {@value #UNKNOWN_COUNTRY} is accepted (admins only)
   */
  public static SubmitKyc read(JsonBody body, boolean allowUnknownCountry, Clock clock) {
    String fullName = fullName(body.requiredString("fullName", MAX_NAME));
    String country = body.requiredString("country", 2);
    boolean known = COUNTRIES.contains(country) || allowUnknownCountry && UNKNOWN_COUNTRY.equals(country);
    if (!known) {
      throw ApiException.invalidValue("country");
    }
    String dateOfBirth = body.requiredString("dateOfBirth", 10);
    LocalDate born;
    try {
      born = LocalDate.parse(dateOfBirth);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidValue("dateOfBirth");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (born.isBefore(EARLIEST) || born.plusYears(ADULT_YEARS).isAfter(today)) {
      throw ApiException.invalidValue("dateOfBirth");
    }
    String documentReference = body.requiredString("documentReference", 200);
    if (!REFERENCE.matcher(documentReference).matches()) {
      throw ApiException.invalidValue("documentReference");
    }
    return new SubmitKyc(fullName, country, born.toString(), documentReference);
  }
}
