"""Drives the engine's Jenkins API with Debian's python3-jenkins, as a Jenkins user would.

Usage: build.py URL USER TOKEN; prints one JSON object with what it saw.
"""
import json
import sys
import time

import jenkins

url, user, token = sys.argv[1:4]
server = jenkins.Jenkins(url, username=user, password=token, timeout=30)
seen = {
    "version": server.get_version(),
    "whoami": server.get_whoami()["id"],
    "jobs": sorted(j["fullname"] for j in server.get_all_jobs()),
    "exists": server.job_exists("tools/greet"),
    "disabled_color": server.get_job_info("nightly")["color"],
}


def build(job, parameters=None):
    """Queues a build, waits for its number and its result; returns (queue item, number, info)."""
    queue_item = server.build_job(job, parameters)
    deadline = time.time() + 180
    number = None
    while time.time() < deadline:
        item = server.get_queue_item(queue_item)
        if item.get("executable"):
            number = item["executable"]["number"]
            break
        time.sleep(0.2)
    info = None
    while number is not None and time.time() < deadline:
        info = server.get_build_info(job, number)
        if not info["building"] and info["result"] is not None:
            break
        time.sleep(0.2)
    return queue_item, number, info


queue_item, number, info = build("tools/greet", {"GREETING": "hi; $(id)", "TARGET": "moon"})
seen.update({
    "queue_item": queue_item,
    "number": number,
    "result": info and info["result"],
    "console": server.get_build_console_output("tools/greet", number),
    "last_build": server.get_job_info("tools/greet")["lastBuild"]["number"],
})
_, pipeline_number, pipeline_info = build("inline-pipeline")
seen.update({
    "pipeline_result": pipeline_info and pipeline_info["result"],
    "pipeline_console": server.get_build_console_output("inline-pipeline", pipeline_number),
})
print(json.dumps(seen))
