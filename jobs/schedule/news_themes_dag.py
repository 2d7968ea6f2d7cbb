"""news-themes, nightly, on Airflow 3: jobs/submit.sh for the run's date, incremental, from a BashOperator.

Copy this file and news_themes_nightly.py (the schedule, retries, alert and exit codes both DAGs share) into the DAGs
folder and set the paths. Needs the standard provider (BashOperator, installed with Airflow 3).
news_themes_spark_submit_dag.py is the same night with the Apache Spark provider's SparkSubmitOperator.

BashOperator's exception names the job's exit code: "Bash command failed. The command returned a non-zero exit code
N." The code reaches the scheduler only when the driver runs where spark-submit runs (client deploy mode,
submit.sh's default): README.md, "Exit codes on a cluster".
"""
from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

from news_themes_nightly import INPUT, NIGHTLY, OUTPUT, RUN_DATE

NEWS_THEMES = "/opt/news-themes"  # the checkout: jobs/submit.sh, and the cluster jar in target/
SPARK_MASTER = "spark://master:7077"

with DAG(dag_id="news_themes", description="Which themes Dutch news is about, month by month", **NIGHTLY) as dag:
    # The command must not end in ".sh": BashOperator would take it for a template file.
    BashOperator(
        task_id="submit",
        bash_command=(
            f"SPARK_MASTER={SPARK_MASTER} {NEWS_THEMES}/jobs/submit.sh"
            f" --run-date {RUN_DATE} --incremental --input {INPUT} --output {OUTPUT}"
        ),
    )
