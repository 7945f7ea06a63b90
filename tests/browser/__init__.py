"""Browser gates (issue 7): every built page checked in Chromium, by vnu and by axe-core."""
