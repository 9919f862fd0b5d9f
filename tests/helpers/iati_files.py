"""IATI activities files for the importer's tests: the samples in tests/funding/data and small ones made to order."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "funding" / "data"


def sample(name: str = "sample.xml") -> bytes:
    return (DATA / name).read_bytes()


def activity(identifier: str, *, title: str, code: str = "", **problem: str) -> str:
    """One IATI activity; each keyword breaks one thing (the importer tests' PROBLEMS) or adds a funder or parent."""
    reporter = "GB-GOV-1" if "reporting_org" in problem else "XM-DAC-47066"
    if "bad_identifier" in problem:
        identifier = problem["bad_identifier"]
    if "no_title" in problem:
        title = ""
    status = problem.get("status", "2")
    scope = problem.get("scope", "4")
    ref, funder = problem.get("funder", ("", "A Test Foundation"))
    start, end = (
        ("2002-01-01", "2001-01-01") if "dates" in problem else (problem.get("start", "2001-01-01"), "2002-01-01")
    )
    currency = "" if "currency" in problem else ' currency="USD"'
    parent = f'<related-activity ref="{problem["parent"]}" type="1"/>' if "parent" in problem else ""
    return f"""
  <iati-activity xml:lang="en" default-currency="{"" if currency == "" else "USD"}">
    <iati-identifier>{identifier}</iati-identifier>
    <reporting-org ref="{reporter}" type="40"><narrative>IOM</narrative></reporting-org>
    <title><narrative>{title}</narrative></title>
    <description><narrative>Made by the test.</narrative></description>
    <participating-org ref="{ref}" role="1" type="{problem.get("org_type", "60")}">
      <narrative>{funder}</narrative>
    </participating-org>
    <participating-org role="{problem.get("role", "4")}" type="22"><narrative>A Test NGO</narrative></participating-org>
    {f'<other-identifier ref="{code}" type="A1"/>' if code else ""}
    <activity-status code="{status}"/>
    <activity-date iso-date="{problem.get("date", start)}" type="2"/>
    <activity-date iso-date="{end}" type="3"/>
    <activity-scope code="{scope}"/>
    <recipient-country code="{problem.get("country", "JM")}"/>
    <transaction>
      <transaction-type code="{problem.get("transaction_type", "2")}"/>
      <transaction-date iso-date="2001-02-01"/>
      <value{currency} value-date="2001-02-01">{problem.get("amount", "1000")}</value>
      <provider-org ref="{ref}"><narrative>{funder}</narrative></provider-org>
    </transaction>
    {parent}
  </iati-activity>"""


def activity_file(*activities: str) -> bytes:
    body = "".join(activities)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">{body}\n</iati-activities>'.encode()
    )
