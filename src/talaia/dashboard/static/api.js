// The REST API (talaia serve): JSON in, JSON out; errors become Error objects with the API's message.

const TOKEN_KEY = "talaia.token";
const REVIEWER_KEY = "talaia.reviewer";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(response) {
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    // the API's errors are {"error": {"code", "message", "field"}}
    const detail = typeof body === "string" ? body : (body.error?.message || body.detail || body.error);
    throw new ApiError(response.status, `${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

export async function get(path, params) {
  const url = `/api${path ? "/" + path : ""}${query(params)}`;
  return parse(await fetch(url, {headers: {Accept: "application/json"}}));
}

export async function post(path, body) {
  const token = getToken();
  const headers = {"Content-Type": "application/json", Accept: "application/json"};
  if (token) headers.Authorization = `Bearer ${token}`;
  return parse(await fetch(`/api/${path}`, {method: "POST", headers, body: JSON.stringify(body)}));
}

// the review token is typed by the analyst and kept for this tab only (sessionStorage), never in the page's URL
export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function getReviewer() {
  return sessionStorage.getItem(REVIEWER_KEY) || "";
}

export function setReviewer(name) {
  sessionStorage.setItem(REVIEWER_KEY, name || "");
}
