"""Dry-run results as text (a test report), JSON (DESIGN.md's shape), JUnit XML (one test case per task
and phase), and as findings for the SARIF and GitHub formatters."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from ..errors import Pos
from ..findings import ERROR, WARNING, Finding
from .dryrun import FAILED, UNSUPPORTED, VERIFIED, PackResult, Problem, TaskResult

MARK = {VERIFIED: "ok", FAILED: "FAILED", UNSUPPORTED: "unsupported"}


def _problem_lines(problem: Problem) -> list[str]:
    where = f"{problem.phase}" + (f" / {problem.validator}" if problem.validator else "")
    lines = [f"    {where}: {problem.detail}"]
    if problem.fail_message:
        lines.append(f"      candidate sees: {problem.fail_message}")
    if problem.pos:
        lines.append(f"      at {problem.pos}")
    return lines


def _mark(task: TaskResult) -> str:
    """`ok`; a task proven with simulated operations says so: `verified (simulated: bedrock:GetGuardrail)`."""
    if task.status == VERIFIED and task.simulated:
        return f"verified (simulated: {', '.join(task.simulated)})"
    return MARK[task.status]


def format_text(results: list[PackResult]) -> str:
    out = []
    for result in results:
        out.append(f"{result.pack}")
        for task in result.tasks:
            out.append(f"  {task.id:<40} {_mark(task)}")
            for problem in task.problems:
                out.extend(_problem_lines(problem))
            if task.unsupported:
                out.append(f"    unsupported by moto: {', '.join(task.unsupported)}")
            if task.simulated and task.status != VERIFIED:
                out.append(f"    simulated: {', '.join(task.simulated)}")
        counts = ", ".join(f"{result.count(s)} {s}" for s in (VERIFIED, FAILED, UNSUPPORTED))
        out.append(f"{len(result.tasks)} tasks: {counts}")
    return "\n".join(out) + "\n"


def format_json(results: list[PackResult]) -> str:
    payload = results[0].as_dict() if len(results) == 1 else [r.as_dict() for r in results]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def format_junit(results: list[PackResult]) -> str:
    suites = ET.Element("testsuites", name="mcx-author dry-run")
    for result in results:
        cases = [(task, phase) for task in result.tasks for phase in task.phases]
        suite = ET.SubElement(suites, "testsuite", name=result.pack, tests=str(len(cases)),
                              failures=str(sum(1 for _, p in cases if p.status == FAILED)),
                              skipped=str(sum(1 for _, p in cases if p.status == UNSUPPORTED)))
        for task, phase in cases:
            case = ET.SubElement(suite, "testcase", classname=f"{result.pack}.{task.id}", name=phase.name,
                                 time=f"{phase.seconds:.3f}")
            if phase.simulated:  # the proof rests on the simulation of these operations, not on moto
                properties = ET.SubElement(case, "properties")
                ET.SubElement(properties, "property", name="simulated", value=", ".join(phase.simulated))
            if phase.problems:
                text = "\n".join(line.strip() for p in phase.problems for line in _problem_lines(p))
                failure = ET.SubElement(case, "failure", message=phase.problems[0].detail)
                failure.text = text
            elif phase.unsupported:
                ET.SubElement(case, "skipped", message="unsupported by moto: " + ", ".join(phase.unsupported))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def findings(results: list[PackResult], fallback_file: dict[str, str]) -> list[Finding]:
    """One finding per problem (error) and per unsupported task (warning), at the validator or step."""
    found = []
    for result in results:
        for task in result.tasks:
            for problem in task.problems:
                pos = problem.pos or Pos(fallback_file[result.pack])
                message = f"{task.id}: {problem.phase}" + (f" / {problem.validator}" if problem.validator else "")
                found.append(Finding.at(pos, f"dry-run-{problem.phase}", ERROR, f"{message}: {problem.detail}"))
            if task.status == UNSUPPORTED:
                found.append(Finding.at(Pos(fallback_file[result.pack]), "dry-run-unsupported", WARNING,
                                        f"{task.id}: unsupported by moto: {', '.join(task.unsupported)}"))
    return sorted(found)
