"""Clock times for the agenda: start time plus durations, breaks included."""

from __future__ import annotations

from dataclasses import dataclass

from . import model as m


def parse_clock(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def day_end_minutes(start: str, end: str) -> int:
    """The day's end in minutes; an end at or before the start is read as the next day."""
    begin, finish = parse_clock(start), parse_clock(end)
    return finish if finish > begin else finish + 24 * 60


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Slot:
    """One scheduled row of a day: a session or a break, with clock times."""

    start: str
    end: str
    minutes: int
    module: m.Module | None = None
    break_title: m.Text | None = None
    number: int | None = None


@dataclass(frozen=True)
class BlockTime:
    start: str
    end: str
    block: m.Block


def schedule_day(day: m.Day, modules: dict[str, m.Module], first_number: int = 1) -> list[Slot]:
    """The day's rows; sessions are numbered across the whole programme from ``first_number``."""
    rows, now, number = [], parse_clock(day.start), first_number
    for item in day.items:
        if item.session:
            mod = modules.get(item.session)
            if mod is None:
                continue
            rows.append(Slot(clock(now), clock(now + mod.duration), mod.duration, module=mod, number=number))
            now, number = now + mod.duration, number + 1
        else:
            rows.append(Slot(clock(now), clock(now + item.minutes), item.minutes, break_title=item.break_))
            now += item.minutes
    return rows


def schedule_programme(programme: m.Programme, modules: dict[str, m.Module]) -> list[list[Slot]]:
    days, number = [], 1
    for day in programme.days:
        rows = schedule_day(day, modules, number)
        number += sum(1 for row in rows if row.module)
        days.append(rows)
    return days


def block_times(slot: Slot) -> list[BlockTime]:
    """Clock times of each agenda block inside a scheduled session."""
    out, now = [], parse_clock(slot.start)
    for block in slot.module.agenda:
        out.append(BlockTime(clock(now), clock(now + block.minutes), block))
        now += block.minutes
    return out
