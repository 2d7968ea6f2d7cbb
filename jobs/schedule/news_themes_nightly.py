"""What both news-themes DAGs share: where the articles and reports live, the night's date, the schedule, the retries
and the alert. Copy it into the DAGs folder beside the DAG you use (Airflow puts that folder on the DAGs' import path).

Exit codes of the job (README.md, "Exit codes"):
  0 done, outputs published
  1 the run failed; the previous outputs are left as they were: a retry may pass (a lost executor, a full disk)
  2 bad arguments, config or theme file
  3 the quality gate failed
  4 another run holds the output folder: this run wrote nothing; a retry passes once that run has finished
Airflow retries every failure. For 2 and 3 a retry is not worth it: the same input and config give the same answer,
so the two retries only put the alert off by 20 minutes (a bad config costs a second, before Spark starts; a failed
quality gate costs a whole run each time). skip_on_exit_code would stop those retries, but it marks the task
skipped, not failed, and a skipped task sends no alert, so it is not used. The alert carries the operator's exception,
which names the exit code, so whoever reads it knows whether to look at the config, the data or the cluster.
"""
from datetime import timedelta

import pendulum
from airflow.providers.smtp.notifications.smtp import SmtpNotifier

INPUT = "hdfs:///news"
OUTPUT = "hdfs:///reports/themes"
ALERT_TO = ["oncall@example.org"]

# --run-date is the night the run stands for, as in the cron example: the end of the data interval. ({{ ds }}, the
# logical date, is the start of the interval: for this schedule the day before.) Reruns and backfills of a DAG run
# pass the same date, so the refit schedule (refit_days) counts the same way.
RUN_DATE = "{{ data_interval_end | ds }}"

# After the last try has failed: on-call gets the exit code (in the exception) and the log's address. Needs the SMTP
# provider (apache-airflow-providers-smtp) and its connection "smtp_default".
ALERT = SmtpNotifier(
    to=ALERT_TO,
    subject="news-themes failed for " + RUN_DATE,
    html_content=(
        "<p>{{ exception }}</p>"
        "<p>Exit codes: 1 the run failed, 2 bad arguments or config, 3 the quality gate failed, "
        "4 another run held the output folder.</p>"
        "<p>Log: <a href='{{ ti.log_url }}'>{{ ti.log_url }}</a></p>"
    ),
)

# The DAG arguments of a nightly run, for DAG(dag_id=..., description=..., **NIGHTLY).
NIGHTLY = dict(
    schedule="30 2 * * *",  # 02:30 every night, after the day's articles have landed
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,  # one job at a time per output folder
    default_args={
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
        "on_failure_callback": ALERT,  # called once, when the retries are used up
        "execution_timeout": timedelta(hours=4),
    },
    tags=["news-themes"],
)
