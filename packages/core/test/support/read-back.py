"""Reads an exported calendar or vCard file, or a note's frontmatter, with independent parsers and prints what they saw as JSON.

Usage: read-back.py ics|vcard|frontmatter FILE

Uses Debian's python3-icalendar, python3-vobject and python3-yaml (PyYAML, a
YAML 1.1 reader), which share no code with the JavaScript writers under test.
Exit code 3 when a module is missing.
"""
import datetime
import json
import sys

ZERO = datetime.timedelta(0)


def when(value):
    """A DTSTART/DTEND value: a date as YYYY-MM-DD, a date-time as ISO with its UTC instant."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return {"local": value.isoformat(), "utc": None}
        return {"local": value.replace(tzinfo=None).isoformat(), "utc": value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    return None


def read_ics(text):
    import icalendar

    calendar = icalendar.Calendar.from_ical(text)
    zones = {}
    for zone in calendar.walk("VTIMEZONE"):
        zones[str(zone["TZID"])] = zone.to_tz()
    items = []
    for component in calendar.walk():
        if component.name not in ("VEVENT", "VTODO"):
            continue
        item = {"kind": component.name, "uid": str(component.get("UID"))}
        for key in ("SUMMARY", "LOCATION", "URL", "DESCRIPTION", "TRANSP", "STATUS"):
            if key in component:
                item[key.lower()] = str(component[key])
        item["sequence"] = int(component.get("SEQUENCE", 0))
        for key in ("DTSTART", "DTEND", "DUE"):
            if key in component:
                prop = component[key]
                item[key.lower()] = when(prop.dt)
                tzid = prop.params.get("TZID")
                if tzid:
                    item[key.lower()]["tzid"] = str(tzid)
                    if str(tzid) in zones:
                        # The same local time read through the file's own VTIMEZONE, not the system's zone data.
                        local = prop.dt.replace(tzinfo=None)
                        own = local.replace(tzinfo=zones[str(tzid)]) if hasattr(zones[str(tzid)], "utcoffset") and not hasattr(zones[str(tzid)], "localize") else zones[str(tzid)].localize(local)
                        item[key.lower()]["utc_by_vtimezone"] = own.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if "DURATION" in component:
            item["duration_minutes"] = component["DURATION"].dt.total_seconds() / 60
        alarms = []
        for alarm in component.walk("VALARM"):
            trigger = alarm["TRIGGER"]
            entry = {"action": str(alarm.get("ACTION"))}
            if isinstance(trigger.dt, datetime.timedelta):
                entry["trigger_seconds"] = trigger.dt.total_seconds()
                entry["related"] = str(trigger.params.get("RELATED", "START"))
            else:
                entry["trigger"] = when(trigger.dt)
            alarms.append(entry)
        item["alarms"] = alarms
        items.append(item)
    return {"zones": sorted(zones), "items": items}


def read_vcard(text):
    import vobject

    cards = []
    for card in vobject.readComponents(text):
        entry = {}
        contents = card.contents
        def values(key):
            return [line.value for line in contents.get(key, [])]
        entry["version"] = values("version")[0] if values("version") else None
        entry["uid"] = values("uid")[0] if values("uid") else None
        entry["fn"] = values("fn")[0] if values("fn") else None
        if "n" in contents:
            name = contents["n"][0].value
            entry["n"] = {"family": name.family, "given": name.given}
        entry["org"] = [list(value) if isinstance(value, (list, tuple)) else [value] for value in values("org")]
        entry["title"] = values("title")
        entry["email"] = values("email")
        entry["tel"] = values("tel")
        entry["url"] = values("url")
        entry["note"] = values("note")
        entry["categories"] = [list(value) for value in values("categories")]
        cards.append(entry)
    return {"cards": cards}


def typed(value):
    """A YAML value as JSON, saying which type PyYAML gave anything that is not a string, list or mapping."""
    if isinstance(value, dict):
        return {str(key): typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, (int, float)):
        return {"number": value}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {"date": value.isoformat()}
    return value


def read_frontmatter(text):
    import yaml

    lines = text.lstrip("\ufeff").splitlines()
    end = lines.index("---", 1)
    return {"fields": typed(yaml.safe_load("\n".join(lines[1:end])))}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    try:
        if kind == "frontmatter":
            import yaml  # noqa: F401
        else:
            import icalendar  # noqa: F401
            import vobject  # noqa: F401
    except ImportError as error:
        print(f"missing Python module: {error.name} (install Debian's python3-icalendar, python3-vobject and python3-yaml)", file=sys.stderr)
        sys.exit(3)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    result = read_ics(text) if kind == "ics" else read_vcard(text) if kind == "vcard" else read_frontmatter(text)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
