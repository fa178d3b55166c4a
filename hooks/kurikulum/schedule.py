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
    blocks: tuple[int, ...] | None = None
    """The agenda block numbers (from 1) that run, when a variant runs only part of a session."""

    def agenda(self) -> list[m.Block]:
        """The agenda blocks that run in this slot."""
        if self.module is None:
            return []
        if self.blocks is None:
            return list(self.module.agenda)
        return [b for n, b in enumerate(self.module.agenda, 1) if n in self.blocks]


@dataclass(frozen=True)
class BlockTime:
    start: str
    end: str
    block: m.Block


def session_minutes(item: m.Slot, mod: m.Module) -> int:
    """How long a session item runs: the module's duration, or the minutes of its chosen blocks."""
    if item.blocks is None:
        return mod.duration
    return sum(b.minutes for n, b in enumerate(mod.agenda, 1) if n in item.blocks)


def schedule_day(day: m.Day, modules: dict[str, m.Module], first_number: int = 1) -> list[Slot]:
    """The day's rows; sessions are numbered across the whole programme from ``first_number``."""
    rows, now, number = [], parse_clock(day.start), first_number
    for item in day.items:
        if item.session:
            mod = modules.get(item.session)
            if mod is None:
                continue
            length = session_minutes(item, mod)
            blocks = tuple(item.blocks) if item.blocks is not None else None
            rows.append(
                Slot(clock(now), clock(now + length), length, module=mod, number=number, blocks=blocks)
            )
            now, number = now + length, number + 1
        else:
            rows.append(Slot(clock(now), clock(now + item.minutes), item.minutes, break_title=item.break_))
            now += item.minutes
    return rows


def schedule_programme(
    programme: m.Programme, modules: dict[str, m.Module], days_: list[m.Day] | None = None
) -> list[list[Slot]]:
    """Rows of every day of the programme (or of ``days_``, e.g. a variant's days)."""
    days, number = [], 1
    for day in programme.days if days_ is None else days_:
        rows = schedule_day(day, modules, number)
        number += sum(1 for row in rows if row.module)
        days.append(rows)
    return days


def block_times(slot: Slot) -> list[BlockTime]:
    """Clock times of each agenda block inside a scheduled session."""
    out, now = [], parse_clock(slot.start)
    for block in slot.agenda():
        out.append(BlockTime(clock(now), clock(now + block.minutes), block))
        now += block.minutes
    return out


def overlap(start: int, end: int, window_start: int, window_end: int) -> int:
    """Minutes that [start, end) shares with [window_start, window_end)."""
    return max(0, min(end, window_end) - max(start, window_start))
