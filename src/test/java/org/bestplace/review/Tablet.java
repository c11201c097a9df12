package org.bestplace.review;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Chromium;

/** What the outbox's browser tests share: an audit running today, and a tablet its worker controls. */
final class Tablet {

    private Tablet() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    /** An audit running today, so the pages' "today" falls inside it. */
    static String auditRunningToday(String title) {
        Map<String, Object> body = new HashMap<>(Api.auditBody(title));
        body.put("startDate", today().minusDays(3).toString());
        body.put("endDate", today().plusDays(3).toString());
        String audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        return audit;
    }

    /** Signs in and waits until the service worker controls the pages. */
    static Page signedInWithServiceWorker(BrowserContext context, String base, String reviewer, String audit) {
        Page page = Chromium.signIn(context, base, reviewer, Api.PASSWORD);
        page.setDefaultTimeout(10000);
        page.navigate(base + "audits/" + audit);
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.reload();
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        return page;
    }

    /** Opens the ward page and waits until the tablet keeps the blank form for new patients. */
    static void openWard(Page page, String base, String audit) {
        page.navigate(base + "audits/" + audit + "/wards/Ward%20A");
        page.waitForSelector("#pending-cases[data-kept=true]", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }

    static void waitForOutboxCount(Page page, int count) {
        page.waitForFunction("n => document.getElementById('outbox-count').textContent === String(n)", count);
    }

    /** How many registrations wait in the tablet's outbox (IndexedDB), whoever wrote them. */
    static int keptRegistrations(Page page) {
        return ((Number) page.evaluate("() => new Promise(done => { const open = indexedDB.open('bestplace');"
                + " open.onsuccess = () => { const db = open.result;"
                + " if (!db.objectStoreNames.contains('cases')) { done(0); return; }"
                + " const all = db.transaction('cases').objectStore('cases').getAll();"
                + " all.onsuccess = () => done(all.result.length); }; })")).intValue();
    }

    /** Everything the tablet's IndexedDB holds, as text, to look for what must not be there. */
    static String everythingKept(Page page) {
        return (String) page.evaluate("() => new Promise(done => { const open = indexedDB.open('bestplace');"
                + " open.onsuccess = () => { const db = open.result; const names = Array.from(db.objectStoreNames);"
                + " if (names.length === 0) { done(''); return; }"
                + " const tx = db.transaction(names); const out = [];"
                + " names.forEach(n => { const all = tx.objectStore(n).getAll(); all.onsuccess = () => out.push(all.result); });"
                + " tx.oncomplete = () => done(JSON.stringify(out)); }; })");
    }

    static void register(Page page, String specialty, String localId) {
        page.selectOption("#specialty", specialty);
        page.selectOption("#ageBand", "75-84");
        page.selectOption("#sex", "FEMALE");
        page.fill("#admissionDate", today().minusDays(2).toString());
        if (localId != null) {
            page.fill("#localId", localId);
        }
        page.click("#registration-form button[type=submit]");
    }
}
