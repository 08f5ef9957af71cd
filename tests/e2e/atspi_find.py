#!/usr/bin/python3
"""Finds a control of the running app by its accessible name, through AT-SPI on the session's accessibility
bus (what a screen reader sees), and prints the screen position of its centre as "X Y". The e2e test clicks
there with xdotool instead of at fixed pixels, so it follows the layout and checks that the control is named.

usage: atspi_find.py [--scale S] [--role N] [--wait SECONDS] NAME
       atspi_find.py --dump          (the whole tree, for writing a test)
Exit 1 when no showing control has that name before the wait runs out.
"""
import sys
import time

import dbus

ACCESSIBLE = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
STATE_SHOWING = 25  # AtspiStateType


def connect():
    session = dbus.SessionBus()
    address = session.get_object("org.a11y.Bus", "/org/a11y/bus").GetAddress(dbus_interface="org.a11y.Bus")
    return dbus.bus.BusConnection(address)


def nodes(bus):
    """Every accessible object of every application: (name, role, showing, (x, y, w, h) in logical px)."""
    root = bus.get_object("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
    stack = [(str(b), str(p)) for b, p in root.GetChildren(dbus_interface=ACCESSIBLE)]
    while stack:
        name, path = stack.pop(0)
        obj = bus.get_object(name, path)
        try:
            label = str(obj.Get(ACCESSIBLE, "Name", dbus_interface="org.freedesktop.DBus.Properties"))
            role = int(obj.GetRole(dbus_interface=ACCESSIBLE))
            showing = bool(int(obj.GetState(dbus_interface=ACCESSIBLE)[0]) & (1 << STATE_SHOWING))
            children = obj.GetChildren(dbus_interface=ACCESSIBLE)
        except dbus.DBusException:
            continue  # gone while walking (a page slid out)
        try:
            extents = tuple(int(v) for v in obj.GetExtents(dbus.UInt32(0), dbus_interface=COMPONENT))
        except dbus.DBusException:
            extents = (0, 0, 0, 0)
        yield label, role, showing, extents
        stack.extend((str(b), str(p)) for b, p in children)


def main(argv):
    scale, role, wait, dump, name = 1.0, None, 0.0, False, None
    args = iter(argv)
    for arg in args:
        if arg == "--scale":
            scale = float(next(args))
        elif arg == "--role":
            role = int(next(args))
        elif arg == "--wait":
            wait = float(next(args))
        elif arg == "--dump":
            dump = True
        else:
            name = arg
    bus = connect()
    if dump:
        for label, r, showing, e in nodes(bus):
            print(repr(label), r, "showing" if showing else "-", e)
        return 0
    deadline = time.monotonic() + wait
    while True:
        for label, r, showing, (x, y, w, h) in nodes(bus):
            if label == name and showing and w > 0 and h > 0 and (role is None or r == role):
                print(round((x + w / 2) * scale), round((y + h / 2) * scale))
                return 0
        if time.monotonic() >= deadline:
            print("atspi_find: no control named %r on screen" % name, file=sys.stderr)
            return 1
        time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
