#!/usr/bin/env python3
"""`accord explore` in a real browser (Debian's chromium + chromium-driver, driven by selenium):
on the Herefordshire practices, the page's winner under equal weighting is the one `accord run`
gives; moving the scheme control to population changes it to the one `accord run --scheme
population` gives, and the largest share shown is `accord weights`'; then a screenshot is checked
by tests/png_check.py. Skips (exit 77) without chromium, chromedriver, selenium or the shared data,
except under CI=true, where it fails.

    explore_browser.py ACCORD_CLI PNG_CHECK OUT_DIR"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED_DATA", ROOT.parent / "shared" / "data"))
UNDER_CI = os.environ.get("CI", "") not in ("", "0", "false")
HEREFORDSHIRE = ["U12199", "U38064", "U50083", "U65562", "U98974"]


def skip(why: str) -> None:
    if UNDER_CI:
        raise SystemExit(f"FAIL under CI: {why}")
    print(f"SKIP: {why}")
    sys.exit(77)


def main() -> None:
    cli, png_check, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    org_file = SHARED / "nhs" / "practices_herefordshire_worcestershire_2025.csv"
    if not org_file.exists():
        skip(f"shared data not found: {org_file}")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        skip("no chromium or chromedriver (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        skip("no selenium for this python (apt-get install python3-selenium)")
    ballots = ROOT / "tests" / "data" / "herefordshire_ballots.csv"
    org_args = ["--org", str(org_file)]
    for code in HEREFORDSHIRE:
        org_args += ["--within", code]

    def cli_json(*args: str) -> dict:
        run = subprocess.run([cli, *args], capture_output=True, text=True, check=True)
        return json.loads(run.stdout)

    equal = cli_json("run", "irv", str(ballots), *org_args, "--scheme", "equal", "--json")["winners"][0]
    population = cli_json("run", "irv", str(ballots), *org_args, "--scheme", "population", "--json")["winners"][0]
    assert equal != population, (equal, population)
    largest = cli_json("weights", str(org_file), *[a for a in org_args[2:]], "--scheme", "population",
                       "--json")["largest_share"]

    server = subprocess.Popen([cli, "explore", str(ballots), *org_args, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if "http://127.0.0.1:" not in line:
            raise SystemExit(f"explore did not print its address: {line!r} {server.stderr.read()}")
        url = line.split()[2]
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,1000",
                     "--disable-dev-shm-usage"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            driver.get(url)
            wait = WebDriverWait(driver, 120)

            def rendered(n: int) -> None:
                wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready"
                           and int(d.find_element(By.TAG_NAME, "body").get_attribute("data-renders")) >= n)

            rendered(1)
            shown = driver.find_element(By.ID, "winner").text
            assert shown == equal, f"equal weighting: the page shows {shown!r}, accord run gives {equal!r}"
            before = int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-renders"))
            Select(driver.find_element(By.ID, "scheme")).select_by_value("population")
            rendered(before + 1)
            shown = driver.find_element(By.ID, "winner").text
            assert shown == population, f"population: the page shows {shown!r}, accord run gives {population!r}"
            share = driver.find_element(By.ID, "largest-share").text
            assert share == f"{100 * largest:.1f}%", f"largest share {share}, accord weights gives {largest}"
            assert driver.find_elements(By.CSS_SELECTOR, "#tipping tbody tr"), "no tipping points shown"
            out.mkdir(parents=True, exist_ok=True)
            png = out / "explore.png"
            time.sleep(0.5)
            driver.save_screenshot(str(png))
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)
    subprocess.run([sys.executable, png_check, str(png)], check=True)
    print(f"explore: equal -> {equal}, population -> {population}, largest share {share}; screenshot {png}")


if __name__ == "__main__":
    main()
