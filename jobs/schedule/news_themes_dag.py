"""news-themes, nightly, on Airflow 2.4 or later: jobs/submit.sh for the run's date, incremental.

Copy this file into the DAGs folder and set the three paths below. Airflow's mail settings ([smtp]) must be set for
the alert to reach anyone.

Exit codes of the job (README.md, "Exit codes"):
  0 done, outputs published
  1 the run failed; the previous outputs are left as they were: a retry may pass (a lost executor, a full disk)
  2 bad arguments, config or theme file
  3 the quality gate failed
  4 another run holds the output folder: this run wrote nothing; a retry passes once that run has finished
BashOperator retries every non-zero exit code. For 2 and 3 a retry is not worth it: the same input and config give
the same answer, so the two retries only put the alert off by 20 minutes (a bad config costs a second, before Spark
starts; a failed quality gate costs a whole run each time). skip_on_exit_code would stop those retries, but it marks
the task skipped, not failed, and a skipped task sends no alert, so it is not used here. The alert names the exit
code, so whoever reads it knows whether to look at the config, the data or the cluster.
"""
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.utils.email import send_email

NEWS_THEMES = "/opt/news-themes"  # the checkout: jobs/submit.sh, and the cluster jar in target/
INPUT = "hdfs:///news"
OUTPUT = "hdfs:///reports/themes"
SPARK_MASTER = "spark://master:7077"
ALERT_TO = ["oncall@example.org"]


def alert(context):
    """After the last try has failed: mail on-call with the exit code (in the exception) and the log's address."""
    task_instance = context["task_instance"]
    send_email(
        to=ALERT_TO,
        subject=f"news-themes failed for {context['data_interval_end'].to_date_string()}",
        html_content=(
            f"<p>{context.get('exception')}</p>"
            "<p>Exit codes: 1 the run failed, 2 bad arguments or config, 3 the quality gate failed, "
            "4 another run held the output folder.</p>"
            f"<p>Log: <a href='{task_instance.log_url}'>{task_instance.log_url}</a></p>"
        ),
    )


with DAG(
    dag_id="news_themes",
    description="Which themes Dutch news is about, month by month",
    schedule="30 2 * * *",  # 02:30 every night, after the day's articles have landed
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,  # one job at a time per output folder
    default_args={
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
        "on_failure_callback": alert,  # called once, when the retries are used up
    },
    tags=["news-themes"],
) as dag:
    # --run-date is the night the run stands for, as in the cron example: the end of the data interval. ({{ ds }},
    # the logical date, is the start of the interval: for this schedule the day before.) Reruns and backfills of a
    # DAG run pass the same date, so the refit schedule (refit_days) counts the same way.
    # The command must not end in ".sh": BashOperator would take it for a template file.
    BashOperator(
        task_id="submit",
        bash_command=(
            f"SPARK_MASTER={SPARK_MASTER} {NEWS_THEMES}/jobs/submit.sh"
            " --run-date {{ data_interval_end | ds }} --incremental"
            f" --input {INPUT} --output {OUTPUT}"
        ),
        execution_timeout=timedelta(hours=4),
    )
