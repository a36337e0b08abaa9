"""POST /chat of the AnyCompany Outdoor web shop: forwards the customer's message to the support agent.

Request body: {"sessionId": "...", "message": "..."}; response body: {"reply": "..."}.
The agent is selected with the environment variables AGENT_ID and AGENT_ALIAS_ID.
"""
import json
import os
import uuid

import boto3

runtime = boto3.client("bedrock-agent-runtime")

HEADERS = {
    "Content-Type": "application/json",
    "Access-Control-Allow-Origin": os.environ.get("ALLOWED_ORIGIN", "*"),
}


def _reply(status, body):
    return {"statusCode": status, "headers": HEADERS, "body": json.dumps(body)}


def handler(event, context):
    agent_id = os.environ.get("AGENT_ID", "")
    alias_id = os.environ.get("AGENT_ALIAS_ID", "")
    if not agent_id or agent_id == "not-configured" or not alias_id or alias_id == "not-configured":
        return _reply(503, {"message": "The assistant is unavailable: no agent is configured."})
    try:
        request = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _reply(400, {"message": "Request body must be JSON"})
    message = (request.get("message") or "").strip()
    if not message:
        return _reply(400, {"message": "message is required"})
    session_id = request.get("sessionId") or str(uuid.uuid4())
    response = runtime.invoke_agent(
        agentId=agent_id,
        agentAliasId=alias_id,
        sessionId=session_id,
        inputText=message,
    )
    reply = "".join(
        part["chunk"]["bytes"].decode("utf-8")
        for part in response["completion"]
        if "chunk" in part
    )
    return _reply(200, {"sessionId": session_id, "reply": reply})
