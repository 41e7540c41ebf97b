// Every htmx request carries the CSRF token of the page (the layout's meta tags); forms with th:action carry
// it as a hidden field. A refused or failed htmx request is shown instead of silently doing nothing.
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 401 || status === 403) {
        // signed out, or not allowed: show the server's page for it
        window.location.assign(event.detail.pathInfo.requestPath);
    }
});
