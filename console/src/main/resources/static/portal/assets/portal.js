// Every htmx request carries the page's CSRF token (the layout's meta tags), as in the console.
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
// A guest whose time ran out is sent back to the look-up page rather than shown a broken fragment.
document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.status === 401 || event.detail.xhr.status === 403) {
        window.location.assign("/portal?signed-out");
    }
});
