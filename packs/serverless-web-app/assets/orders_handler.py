"""Orders API for the AnyCompany Coffee web shop (API Gateway Lambda proxy integration).

GET  /orders  -> the 50 most recent orders from the table named in TABLE_NAME
POST /orders  -> stores a new order and publishes an "OrderPlaced" event to TOPIC_ARN
"""
import json
import os
import time
import uuid
from decimal import Decimal

import boto3

dynamodb = boto3.resource("dynamodb")
sns = boto3.client("sns")


def _response(status, body):
    return {
        "statusCode": status,
        "headers": {
            "Content-Type": "application/json",
            # Proxy integrations pass headers straight through, so the function sets CORS itself.
            "Access-Control-Allow-Origin": os.environ.get("ALLOWED_ORIGIN", "*"),
        },
        "body": json.dumps(body, default=lambda v: float(v) if isinstance(v, Decimal) else str(v)),
    }


def _list_orders(table):
    items = table.scan(Limit=50).get("Items", [])
    items.sort(key=lambda item: item.get("createdAt", 0), reverse=True)
    return _response(200, {"orders": items})


def _place_order(table, event):
    try:
        order = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _response(400, {"message": "Request body must be JSON"})
    if not order.get("product") or int(order.get("quantity", 0)) < 1:
        return _response(400, {"message": "product and quantity are required"})
    item = {
        "orderId": str(uuid.uuid4()),
        "product": order["product"],
        "quantity": int(order["quantity"]),
        "status": "PLACED",
        "createdAt": int(time.time()),
    }
    table.put_item(Item=item)
    sns.publish(
        TopicArn=os.environ["TOPIC_ARN"],
        Message=json.dumps(item),
        MessageAttributes={"eventType": {"DataType": "String", "StringValue": "OrderPlaced"}},
    )
    return _response(201, item)


def handler(event, context):
    table = dynamodb.Table(os.environ["TABLE_NAME"])
    method = event.get("httpMethod")
    if method == "GET":
        return _list_orders(table)
    if method == "POST":
        return _place_order(table, event)
    return _response(405, {"message": f"Method {method} not allowed"})
