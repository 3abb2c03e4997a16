#!/usr/bin/env python3
"""pamyat's web page in a real browser: Debian's headless chromium driven by selenium.

Usage: browser_test.py BASE_URL TOKEN SAMPLES_DIR SCREENSHOT_DIR REVIEW_FILE

Logs in with the token, aligns the sample press release (ru, en) pasted into the align page,
rejects one bead, joins two, stores the accepted ones and checks through the API that exactly
they are in the memory; then searches a changed Russian sentence and sees the differences marked
and the translation, and runs a concordance. Last it uploads the review file `pamyat add --review`
wrote for the same release, accepts only the row of the bead rejected before, stores it and finds it
in the memory under the file's document. Any failure (chromium that does not start included)
raises, and the script exits non-zero.
"""
import json
import os
import sys
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, TOKEN, SAMPLES, SHOTS, REVIEW = sys.argv[1:6]
REJECTED = "Он приступил к исполнению обязанностей 1 января 2023 года."
JOINED_FIRST = "Генеральный секретарь проинформировал"
CHANGED = "Глава государства также предложил провести в Минске международную конференцию по безопасности."


def api(path, **query):
    """GET an API route with the bearer token; the JSON answer."""
    url = BASE + path + ("?" + urllib.parse.urlencode(query) if query else "")
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.load(reply)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,900", "--lang=ru"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def main():
    os.makedirs(SHOTS, exist_ok=True)
    with open(os.path.join(SAMPLES, "press-release.ru.txt"), encoding="utf-8") as f:
        original = f.read()
    with open(os.path.join(SAMPLES, "press-release.en.txt"), encoding="utf-8") as f:
        translation = f.read()
    driver = browser()
    wait = WebDriverWait(driver, 30)
    try:
        # A page without a session goes to the login form, and back after it.
        driver.get(BASE + "/align")
        wait.until(EC.presence_of_element_located((By.ID, "token")))
        check("/login?next=" in driver.current_url, "not sent to the login page: " + driver.current_url)
        shot(driver, "login")
        token = driver.find_element(By.ID, "token")
        token.send_keys("wrong-token", Keys.ENTER)
        wait.until(EC.visibility_of_element_located((By.ID, "login-error")))
        token.clear()
        token.send_keys(TOKEN, Keys.ENTER)
        wait.until(EC.url_to_be(BASE + "/align"))

        # Paste the documents and align.
        original_box = wait.until(EC.presence_of_element_located((By.ID, "original")))
        driver.execute_script("arguments[0].value = arguments[1]", original_box, original)
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "translation-1"), translation)
        driver.find_element(By.ID, "title").send_keys("Встреча с Генеральным секретарем ОДКБ")
        driver.find_element(By.ID, "document").send_keys("press-release-web")
        driver.find_element(By.CSS_SELECTOR, "#align-form button[type=submit]").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.review tbody tr")))
        rows = driver.find_elements(By.CSS_SELECTOR, "section.review tbody tr")
        check(len(rows) >= 25, "only %d beads" % len(rows))
        shot(driver, "align")

        def row_starting(text):
            for row in driver.find_elements(By.CSS_SELECTOR, "section.review tbody tr"):
                if row.find_element(By.CSS_SELECTOR, "td.src").text.strip().startswith(text):
                    return row
            raise AssertionError("no bead starts with " + text)

        # Reject one bead.
        rejected = row_starting(REJECTED)
        rejected.find_element(By.CSS_SELECTOR, "input.keep").click()
        check("rejected" in rejected.get_attribute("class"), "the rejected row is not marked")
        # Join two beads.
        before = len(driver.find_elements(By.CSS_SELECTOR, "section.review tbody tr"))
        first = row_starting(JOINED_FIRST)
        first.find_element(By.CSS_SELECTOR, "button.join").click()
        after = len(driver.find_elements(By.CSS_SELECTOR, "section.review tbody tr"))
        check(after == before - 1, "join left %d rows of %d" % (after, before))
        joined = row_starting(JOINED_FIRST)
        joined_source = " ".join(s.text for s in joined.find_elements(By.CSS_SELECTOR, "td.src span.s"))
        joined_target = " ".join(s.text for s in joined.find_elements(By.CSS_SELECTOR, "td.tgt span.s"))
        check(joined_source.endswith("Оно состоится в Минске 22–23 ноября."), "joined: " + joined_source)

        accepted = driver.execute_script(
            "return document.querySelectorAll('section.review input.keep:checked:not(:disabled)').length")
        driver.find_element(By.ID, "store").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "store-summary"), "unit(s) added"))
        summary = driver.find_element(By.ID, "store-summary").text
        check(summary.startswith("ru → en: %d unit(s) added, 0 already present" % accepted), "summary: " + summary)
        shot(driver, "stored")

        # The API sees exactly what was accepted.
        stats = api("/api/v1/stats")
        check(stats["pairs"].get("ru-en") == accepted, "ru-en units %s, accepted %d" % (stats["pairs"].get("ru-en"), accepted))
        found = api("/api/v1/lookup", q=joined_source, **{"from": "ru", "to": "en", "min": "100"})["matches"]
        check(found and found[0]["target"] == joined_target, "the joined bead is not stored as joined: %s" % found)
        check(found[0]["document"] == "press-release-web", "document: %s" % found[0].get("document"))
        missing = api("/api/v1/lookup", q=REJECTED, **{"from": "ru", "to": "en", "min": "100"})["matches"]
        check(missing == [], "the rejected bead was stored: %s" % missing)

        # Search a changed sentence: the differences are marked, the translation shown.
        driver.get(BASE + "/search")
        Select(driver.find_element(By.ID, "pair")).select_by_value("ru-en")
        query = driver.find_element(By.ID, "q")
        query.send_keys(CHANGED, Keys.ENTER)
        match = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "li.match")))
        check(match.find_element(By.CSS_SELECTOR, ".score").text == "92", "score " + match.find_element(By.CSS_SELECTOR, ".score").text)
        check(match.find_element(By.CSS_SELECTOR, "del").text.strip() == "евразийской", "deleted: " + match.find_element(By.CSS_SELECTOR, "del").text)
        check("international conference on Eurasian security" in match.find_element(By.CSS_SELECTOR, ".target").text, "translation missing")
        shot(driver, "search")

        # Concordance: the hits marked.
        driver.get(BASE + "/concordance?" + urllib.parse.urlencode({"q": "ОДКБ", "pair": "ru-en"}))
        marks = wait.until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "table.hits mark")))
        check(len(marks) >= 3 and all(m.text == "ОДКБ" for m in marks), "marks: %s" % [m.text for m in marks])
        shot(driver, "concordance")

        driver.get(BASE + "/memory")
        check("ru-en" in driver.find_element(By.CSS_SELECTOR, "table.pairs").text, "the memory page lacks ru-en")
        shot(driver, "memory")

        # The review file: chosen in the page, shown in the review table; only the row of the bead
        # rejected above is accepted and stored, under the file's document.
        driver.get(BASE + "/align")
        wait.until(EC.presence_of_element_located((By.ID, "review-file"))).send_keys(REVIEW)
        wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("value").startswith("# pamyat review file"))
        driver.find_element(By.CSS_SELECTOR, "#review-form button[type=submit]").click()
        section = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.review[data-document]")))
        document = section.get_attribute("data-document")
        review_rows = len(driver.find_elements(By.CSS_SELECTOR, "section.review tbody tr"))
        for box in driver.find_elements(By.CSS_SELECTOR, "section.review input.keep:checked"):
            box.click()
        row_starting(REJECTED).find_element(By.CSS_SELECTOR, "input.keep").click()
        shot(driver, "review-file")
        driver.find_element(By.ID, "store").click()
        wait.until(EC.text_to_be_present_in_element((By.ID, "store-summary"), "unit(s) added"))
        summary = driver.find_element(By.ID, "store-summary").text
        check(summary.startswith("ru → en: 1 unit(s) added, 0 already present"), "review summary: " + summary)
        stored = api("/api/v1/lookup", q=REJECTED, **{"from": "ru", "to": "en", "min": "100"})["matches"]
        check(stored and stored[0]["document"] == document, "the reviewed row is not stored under %s: %s" % (document, stored))
        print("browser test: login, align %d beads, 1 rejected, 2 joined, %d stored, search, concordance, memory, "
              "review file (%d rows, 1 accepted): ok" % (len(rows), accepted, review_rows))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
