#!/usr/bin/python3
# Reads DOCX files the way a user's LibreOffice does, through its UNO interface: each file is
# loaded, optionally all its tracked changes accepted or rejected (the same dispatch commands as
# Edit > Track Changes > Accept All / Reject All), then its body is walked paragraph by paragraph
# and table row by table row. One soffice process serves every file of a run, so a test pays one
# start-up however many cases it has.
#
#   /usr/bin/python3 test/helpers/uno-read.py JOBS.json OUT.json
#   JOBS.json: [{"file": "/abs/a.docx", "mode": "accept" | "reject" | "none"}, ...]
#   OUT.json:  [{"file", "mode", "redlines": left after the dispatch, "body": [ITEM, ...]}, ...]
#   ITEM: {"p": "paragraph text", "style": "its paragraph style"} or {"table": [["B: cell text", ...], ...]}
#   (a row per list, each cell with its column letters; a cell's paragraphs joined by "\n", empty ones kept).
#
# Run with /usr/bin/python3: Debian's python3-uno installs into its dist-packages only. soffice is
# started with a private profile and a pipe of its own, and is always ended (even on failure or on
# the overall time limit), so no LibreOffice is left running.
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

LIMIT_S = int(os.environ.get('KEHOACH_UNO_LIMIT_S', '540'))


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    # soffice takes a second or more to open its pipe; poll it (bounded by the overall alarm).
    while True:
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError(f'soffice exited with {proc.returncode} before accepting a connection')
            time.sleep(0.2)


def cell_rows(table):
    """The table's rows, each a list of its cells' text. Cell names are column letters + row number
    ("B3"); a vertically merged cell is named in its first row only."""
    rows = {}
    for name in table.getCellNames():
        letters = name.rstrip('0123456789')
        digits = name[len(letters):]
        if not letters or not digits or not letters.isalpha():
            raise RuntimeError(f'unexpected cell name {name}')
        # The column letters stay with the text: a row whose cells sit in other columns (a merge
        # that no longer lines up) reads differently even when its texts are the same.
        rows.setdefault(int(digits), []).append((column_index(letters), f'{letters}: {table.getCellByName(name).getString()}'))
    count = table.getRows().getCount()
    return [[text for _, text in sorted(rows.get(r, []))] for r in range(1, count + 1)]


def column_index(letters):
    # Writer names columns A-Z, then a-z (a table wider than 52 columns is not a plan's).
    n = 0
    for ch in letters:
        n = n * 52 + (ord(ch) - 64 if ch.isupper() else ord(ch) - 96 + 26)
    return n


def walk(doc):
    body = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService('com.sun.star.text.TextTable'):
            body.append({'table': cell_rows(el)})
        else:
            body.append({'p': el.getString(), 'style': el.ParaStyleName})
    return body


def read(desktop, dispatcher, job):
    url = uno.systemPathToFileUrl(os.path.abspath(job['file']))
    doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True), prop('ReadOnly', False)))
    if doc is None:
        raise RuntimeError(f'LibreOffice could not open {job["file"]}')
    try:
        mode = job.get('mode', 'none')
        if mode in ('accept', 'reject'):
            command = '.uno:AcceptAllTrackedChanges' if mode == 'accept' else '.uno:RejectAllTrackedChanges'
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
        elif mode != 'none':
            raise RuntimeError(f'unknown mode {mode}')
        return {'file': job['file'], 'mode': mode, 'redlines': doc.getRedlines().getCount(), 'body': walk(doc)}
    finally:
        doc.close(True)


def on_alarm(_signum, _frame):
    raise TimeoutError(f'LibreOffice did not finish within {LIMIT_S} s')


def main():
    jobs_file, out_file = sys.argv[1], sys.argv[2]
    with open(jobs_file, encoding='utf-8') as f:
        jobs = json.load(f)
    profile = tempfile.mkdtemp(prefix='kehoach-uno-')
    pipe = f'kehoach_uno_{os.getpid()}'
    signal.signal(signal.SIGALRM, on_alarm)
    # A caller that gives up (a test's own time-out) sends SIGTERM: end soffice on the way out too.
    signal.signal(signal.SIGTERM, lambda _s, _f: sys.exit(143))
    signal.alarm(LIMIT_S)
    proc = subprocess.Popen(
        [
            'soffice',
            f'-env:UserInstallation={uno.systemPathToFileUrl(profile)}',
            '--headless', '--invisible', '--nologo', '--norestore', '--nodefault', '--nolockcheck',
            f'--accept=pipe,name={pipe};urp;',
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    desktop = None
    try:
        ctx = connect(pipe, proc)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        dispatcher = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
        results = [read(desktop, dispatcher, job) for job in jobs]
        with open(out_file, 'w', encoding='utf-8') as f:
            json.dump(results, f, ensure_ascii=False)
    finally:
        signal.alarm(0)
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge closes as soffice quits
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    main()
