"""Drive LibreOffice through UNO: open DOCX files, accept or reject every tracked change, save.

Run with the Python that has the `uno` module (Debian's python3-uno, /usr/bin/python3),
not the project's venv:

    python3 libreoffice_uno.py PROFILE_DIR JOBS.json

JOBS.json lists jobs {"input": ..., "action": "accept" | "reject" | "keep", "output": ..., "format": "txt" | "docx"}.
One LibreOffice process serves every job, as start-up dominates the cost. A job's
error is written to its output path + ".error", and the script goes on.
"""

import json
import os
import subprocess
import sys
import time
import uuid


def _connect(profile: str):
    import uno

    pipe = "ipclauses_" + uuid.uuid4().hex
    soffice = subprocess.Popen([
        "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--nologo",
        "--norestore", "--nodefault", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.monotonic() > deadline or soffice.poll() is not None:
                soffice.kill()
                raise
            time.sleep(0.3)
    return soffice, context


def _props(**values):
    from com.sun.star.beans import PropertyValue

    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def _run(context, job) -> None:
    import uno

    smgr = context.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, _props(Hidden=True, FilterName="MS Word 2007 XML"))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        if job["action"] in ("accept", "reject"):
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
            frame = doc.getCurrentController().getFrame()
            command = ".uno:AcceptAllTrackedChanges" if job["action"] == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(frame, command, "", 0, ())
            left = doc.getRedlines().getCount() if hasattr(doc, "getRedlines") else 0
            if left:
                raise RuntimeError(f"{left} tracked changes left after {job['action']}")
        out_url = uno.systemPathToFileUrl(os.path.abspath(job["output"]))
        if job.get("format", "txt") == "txt":
            doc.storeToURL(out_url, _props(FilterName="Text (encoded)", FilterOptions="UTF8,LF"))
        else:
            doc.storeToURL(out_url, _props(FilterName="MS Word 2007 XML"))
    finally:
        doc.close(True)


def main() -> int:
    profile, jobs_file = sys.argv[1], sys.argv[2]
    with open(jobs_file, encoding="utf-8") as fh:
        jobs = json.load(fh)
    soffice, context = _connect(profile)
    try:
        for job in jobs:
            try:
                _run(context, job)
            except Exception as exc:  # reported per job; the test names the file
                with open(job["output"] + ".error", "w", encoding="utf-8") as fh:
                    fh.write(f"{type(exc).__name__}: {exc}")
    finally:
        try:
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            desktop.terminate()
        except Exception:
            pass
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            soffice.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
