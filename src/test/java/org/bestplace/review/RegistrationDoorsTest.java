package org.bestplace.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.Db;
import org.bestplace.web.CsrfToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of registrations, each sent to both doors: as JSON to the API and as the ward page's
 * form from a signed-in browser. Both take a row or both refuse it naming the same field, and a
 * refused row stores nothing. The audit runs from 2026-11-01 to 2026-11-30 and offers its own list
 * of specialties (besides "Other", with a note); "today" is the service's real day.
 */
@QuarkusTest
class RegistrationDoorsTest {

    /** A "#" in a local identifier becomes a letter for each door, so an accepted row is not a duplicate. */
    record Row(String name, String specialty, String ageBand, String sex, String admissionDate, String localId,
            String refusedField, String specialtyNote, boolean confirmed, String storedSpecialty) {

        Row(String name, String specialty, String ageBand, String sex, String admissionDate, String localId,
                String refusedField) {
            this(name, specialty, ageBand, sex, admissionDate, localId, refusedField, null, false,
                    specialty == null ? null : specialty.strip());
        }

        Row other(String note) {
            return new Row(name, specialty, ageBand, sex, admissionDate, localId, refusedField, note, confirmed,
                    "Other");
        }

        Row withConfirmation() {
            return new Row(name, specialty, ageBand, sex, admissionDate, localId, refusedField, specialtyNote, true,
                    storedSpecialty);
        }

        Row stored(String specialty) {
            return new Row(name, this.specialty, ageBand, sex, admissionDate, localId, refusedField, specialtyNote,
                    confirmed, specialty);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Row accepted(String name, String specialty, String ageBand, String sex, String admissionDate,
            String localId) {
        return new Row(name, specialty, ageBand, sex, admissionDate, localId, null);
    }

    static Row refused(String field, String name, String specialty, String ageBand, String sex,
            String admissionDate, String localId) {
        return new Row(name, specialty, ageBand, sex, admissionDate, localId, field);
    }

    /** The audit's own list: any text a lead may give, up to 100 characters. */
    static final List<String> SPECIALTIES = List.of("General medicine", "Gériatrie – 老年医学", "s".repeat(100),
            "\uD83E\uDE7A".repeat(100), "Cardiology", "Surgery");

    static Stream<Row> rows() {
        String day = "2026-11-02";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String yearAgo = today.minusYears(1).toString();
        String yearAndADayAgo = today.minusYears(1).minusDays(1).toString();
        return Stream.of(
                accepted("a complete registration", "General medicine", "75-84", "FEMALE", day, null),
                accepted("unicode specialty", "Gériatrie – 老年医学", "65-74", "MALE", day, null),
                accepted("specialty of 100 characters", "s".repeat(100), "40-64", "FEMALE", day, null),
                accepted("specialty of 100 characters outside the BMP", "\uD83E\uDE7A".repeat(100), "40-64", "MALE",
                        day, null),
                accepted("specialty with spaces around", "  Cardiology  ", "18-39", "MALE", day, null),
                refused("specialty", "specialty of 101 characters", "s".repeat(101), "75-84", "MALE", day, null),
                refused("specialty", "empty specialty", "", "75-84", "MALE", day, null),
                refused("specialty", "space-only specialty", "   ", "75-84", "MALE", day, null),
                refused("specialty", "no specialty", null, "75-84", "MALE", day, null),
                accepted("age band 85+", "Surgery", "85+", "OTHER", day, null),
                refused("ageBand", "age band of the right shape but not one of the bands", "Surgery", "50-60",
                        "MALE", day, null),
                refused("ageBand", "age band with a space", "Surgery", " 85+", "MALE", day, null),
                refused("ageBand", "no age band", "Surgery", null, "MALE", day, null),
                accepted("sex UNKNOWN", "Surgery", "75-84", "UNKNOWN", day, null),
                refused("sex", "lower-case sex", "Surgery", "75-84", "female", day, null),
                refused("sex", "no sex", "Surgery", "75-84", null, day, null),
                accepted("admitted on the audit's last day", "Surgery", "75-84", "MALE", "2026-11-30", null),
                refused("admissionDate", "admitted after the audit's last day", "Surgery", "75-84", "MALE",
                        "2026-12-15", null),
                accepted("admitted ten years before the audit, confirmed", "Surgery", "75-84", "MALE", "2016-11-01",
                        null).withConfirmation(),
                refused("admissionDate", "admitted ten years before the audit, not confirmed", "Surgery", "75-84",
                        "MALE", "2016-11-01", null),
                accepted("admitted a year before today", "Surgery", "75-84", "MALE", yearAgo, null),
                refused("admissionDate", "admitted a year and a day before today, not confirmed", "Surgery",
                        "75-84", "MALE", yearAndADayAgo, null),
                accepted("admitted a year and a day before today, confirmed", "Surgery", "75-84", "MALE",
                        yearAndADayAgo, null).withConfirmation(),
                accepted("a listed specialty written in other letters", "general MEDICINE", "75-84", "MALE", day,
                        null).stored("General medicine"),
                refused("specialty", "a specialty not on the audit's list", "Dermatology", "75-84", "MALE", day,
                        null),
                refused("specialty", "a specialty on the default list but not this audit's", "Respiratory",
                        "75-84", "MALE", day, null),
                accepted("Other with a note", "Other", "75-84", "MALE", day, null).other("Tropical medicine"),
                accepted("other in lower case with a note", "other", "75-84", "MALE", day, null)
                        .other("Infectious diseases"),
                refused("specialtyNote", "Other without a note", "Other", "75-84", "MALE", day, null),
                refused("specialtyNote", "Other with a blank note", "Other", "75-84", "MALE", day, null)
                        .other("   "),
                refused("specialtyNote", "Other with a note of 101 characters", "Other", "75-84", "MALE", day,
                        null).other("n".repeat(101)),
                refused("specialtyNote", "Other with a note naming a person", "Other", "75-84", "MALE", day, null)
                        .other("Dr Jones's clinic"),
                refused("specialtyNote", "Other with an NHS-number-shaped note", "Other", "75-84", "MALE", day,
                        null).other("943 476 5919"),
                refused("specialtyNote", "Other with a date of birth as its note", "Other", "75-84", "MALE", day,
                        null).other("born 12/03/1941"),
                refused("admissionDate", "admitted more than ten years before the audit", "Surgery", "75-84",
                        "MALE", "2016-10-31", null),
                refused("admissionDate", "a day that does not exist", "Surgery", "75-84", "MALE", "2026-02-30",
                        null),
                refused("admissionDate", "a date with a time", "Surgery", "75-84", "MALE", "2026-11-02T09:30:00",
                        null),
                refused("admissionDate", "no admission date", "Surgery", "75-84", "MALE", null, null),
                accepted("local identifier of 64 characters", "Surgery", "75-84", "MALE", day,
                        "#" + "1".repeat(63)),
                refused("localId", "local identifier of 65 characters", "Surgery", "75-84", "MALE", day,
                        "#" + "2".repeat(64)),
                accepted("space-only local identifier", "Surgery", "75-84", "MALE", day, "   "));
    }

    @Inject
    AgroalDataSource dataSource;

    static String audit;
    static String reviewer;
    static String session;
    static String csrf;

    @BeforeEach
    void setUp() {
        if (audit != null) {
            return;
        }
        Map<String, Object> body = new HashMap<>(Api.auditBody("Registration doors"));
        body.put("specialties", SPECIALTIES);
        audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201)
                .body("specialties", org.hamcrest.Matchers.equalTo(SPECIALTIES)).extract().path("id");
        Api.startCollecting(audit);
        reviewer = Api.reviewerOn(audit, "HOSPITAL");
        Pages.Session signedIn = Pages.signIn(reviewer, Api.PASSWORD);
        session = signedIn.cookie();
        csrf = signedIn.csrfCookie();
        assertNotNull(csrf);
    }

    static Map<String, String> values(Row row, String door) {
        Map<String, String> values = new HashMap<>();
        put(values, "specialty", row.specialty());
        put(values, "ageBand", row.ageBand());
        put(values, "sex", row.sex());
        put(values, "admissionDate", row.admissionDate());
        put(values, "localId", row.localId() == null ? null : row.localId().replace("#", door));
        put(values, "specialtyNote", row.specialtyNote());
        return values;
    }

    static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    Response throughTheApi(Row row) {
        Map<String, Object> body = new HashMap<>(values(row, "j"));
        body.put("ward", "Ward A");
        if (row.confirmed()) {
            body.put("admissionConfirmed", true);
        }
        return Api.as(reviewer).body(body).post("/api/audits/" + audit + "/cases");
    }

    Response throughThePage(Row row) {
        return given().redirects().follow(false).cookie("quarkus-credential", session)
                .cookie(CsrfToken.COOKIE, csrf).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(values(row, "p")).formParam(CsrfToken.FIELD, csrf)
                .formParams(row.confirmed() ? Map.of("admissionConfirmed", "true") : Map.of())
                .post("/audits/{audit}/wards/{ward}/cases", audit, "Ward A");
    }

    /** The field the re-rendered form marks as wrong, or a note of what came back instead. */
    static String markedField(Response page) {
        if (page.statusCode() != 400) {
            return "status " + page.statusCode();
        }
        Matcher marked = Pattern.compile("<(?:input|select)[^>]* id=\"([^\"]+)\"[^>]*aria-invalid=\"true\"")
                .matcher(page.asString());
        return marked.find() ? marked.group(1) : "no field marked";
    }

    long cases() throws SQLException {
        return Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void bothDoorsTakeOrRefuseTheSameRegistration(Row row) throws SQLException {
        long before = cases();
        Response api = throughTheApi(row);
        Response page = throughThePage(row);
        if (row.refusedField() == null) {
            assertEquals(201, api.statusCode(), "API: " + api.asString());
            assertEquals(303, page.statusCode(), "page: " + page.asString());
            assertEquals(before + 2, cases());
            Object stored = Db.value(dataSource, "select specialty from patient_case where id = ?",
                    Long.valueOf(api.jsonPath().getString("id")));
            Object fromPage = Db.value(dataSource, "select specialty from patient_case where audit_id = ?"
                    + " order by id desc limit 1", audit);
            assertEquals(stored, fromPage, "both doors store the same specialty");
            assertEquals(row.storedSpecialty(), stored);
            assertEquals(row.specialtyNote() == null ? null : row.specialtyNote().strip(),
                    Db.value(dataSource, "select specialty_note from patient_case where id = ?",
                            Long.valueOf(api.jsonPath().getString("id"))), "the other specialty's note");
        } else {
            assertEquals(400, api.statusCode(), "API: " + api.asString());
            assertTrue(api.contentType().startsWith("application/problem+json"), api.contentType());
            assertEquals(List.of(row.refusedField(), row.refusedField()),
                    List.of(String.valueOf(api.jsonPath().getString("field")), markedField(page)),
                    "field named by the API, then by the page");
            assertEquals(before, cases(), "nothing stored");
        }
    }
}
