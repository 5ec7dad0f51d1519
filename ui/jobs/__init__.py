"""The service jobs screens at the till: the jobs board (Shift+F9), a job's detail with
its sheet, coverage and claims, and registering a job at the counter."""
