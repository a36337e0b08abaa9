"""Action group "order-lookup" of the AnyCompany Outdoor support agent.

Amazon Bedrock Agents call this function with the function-details event format:
event["function"] names the function, event["parameters"] is a list of {name, type, value}.
"""
import json
import os
from decimal import Decimal

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def get_order_status(order_id):
    item = table.get_item(Key={"orderId": order_id}).get("Item")
    if item is None:
        return {"found": False, "message": f"No order with the number {order_id}."}
    # The record includes the customer's contact details; the agent's guardrail is expected to mask them.
    return {"found": True, "order": _plain(item)}


def handler(event, context):
    function = event.get("function")
    params = {p["name"]: p["value"] for p in event.get("parameters", [])}
    if function == "get_order_status" and params.get("order_id"):
        body = get_order_status(params["order_id"].strip().lstrip("#"))
    else:
        body = {"error": f"Unsupported function {function!r} or missing order_id."}
    return {
        "messageVersion": "1.0",
        "response": {
            "actionGroup": event.get("actionGroup"),
            "function": function,
            "functionResponse": {"responseBody": {"TEXT": {"body": json.dumps(body)}}},
        },
        "sessionAttributes": event.get("sessionAttributes", {}),
        "promptSessionAttributes": event.get("promptSessionAttributes", {}),
    }
