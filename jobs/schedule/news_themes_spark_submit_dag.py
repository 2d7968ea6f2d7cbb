"""news-themes, nightly, on Airflow 3: the same night as news_themes_dag.py, submitted by the Apache Spark provider.

Copy this file and news_themes_nightly.py (the schedule, retries, alert and exit codes both DAGs share) into the DAGs
folder. SparkSubmitOperator (apache-airflow-providers-apache-spark) runs spark-submit itself, so the Airflow worker
needs spark-submit on its PATH and the cluster jar at JAR, built once per deployment of a checkout
(`mvn -B -DskipTests package`; jobs/submit.sh, which the BashOperator DAG calls, rebuilds a stale jar by itself).
The cluster comes from the Airflow connection "spark_default": type Spark, host spark://master, port 7077, and
{"deploy-mode": "client"} as its extra.

In client deploy mode spark-submit exits with the job's own code and the operator's exception names it: "Cannot
execute: spark-submit ... Error code is: N." In cluster deploy mode on a standalone master the code does not travel:
spark-submit exits 0 once the driver is accepted (README.md, "Exit codes on a cluster"); the operator then polls the
driver (which needs the master's REST server, spark.master.rest.enabled) and fails the task when the driver ends
FAILED, without the code.
"""
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG

from news_themes_nightly import INPUT, NIGHTLY, OUTPUT, RUN_DATE

JAR = "/opt/news-themes/target/news-themes-0.2.0-cluster.jar"

with DAG(
    dag_id="news_themes_spark_submit",
    description="Which themes Dutch news is about, month by month (SparkSubmitOperator)",
    **NIGHTLY,
) as dag:
    SparkSubmitOperator(
        task_id="submit",
        conn_id="spark_default",
        application=JAR,
        java_class="nl.newsthemes.ThemesJob",
        name="news-themes",
        application_args=["--run-date", RUN_DATE, "--incremental", "--input", INPUT, "--output", OUTPUT],
    )
