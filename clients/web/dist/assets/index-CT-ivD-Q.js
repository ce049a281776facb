const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/guardian-app-BZDeyRC9.js","assets/settings-XIQW3mKK.js","assets/queue-Dp2-wPK9.js","assets/staff-app-1PxXgAtj.js","assets/store-B3qWZRAd.js","assets/strings-work-Bco4UXHt.js","assets/picker-bIFlZ-1T.js","assets/officer-app-Nzv9eKhQ.js","assets/activate-BODRjJ4A.js","assets/strings-account-Bs4lz9_K.js"])))=>i.map(i=>d[i]);
var e,t,n,r,i,a,o,s,c,l,u,d=Symbol.for(`pv`),f={},p=[],m=/^m(i|n|o|s|text|space)$/,h=Array.isArray,g=p.slice,_=Object.assign;function v(e){e&&e.parentNode&&e.remove()}function y(e,t,n){var r,i,a,o={},s=arguments.length;for(a in t)a==`key`?r=t[a]:a==`ref`&&typeof e!=`function`?i=t[a]:o[a]=t[a];return s>2&&(o.children=s>3?g.call(arguments,2):n),b(e,o,r,i,null)}function b(n,r,i,a,o){var s={type:n,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:d,__v:o||++t,__i:-1,__u:0};return!o&&e.vnode&&e.vnode(s),s}function x(e){return e.children}function S(e,t){this.props=e,this.context=t,this.__g=0}function C(e,t){if(t==null)return e.__&&C(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!=`function`||e.props.__P?null:C(e)}function w(t){var n,r=t.__v,i=r.__e,a=[],o=[],s=t.__P;s&&((n=_({constructor:d},r)).__v=r.__v+1,e.vnode&&e.vnode(n),re(s,n,r,t.__n,s.namespaceURI,32&r.__u?[i]:null,a,i||C(r),32&r.__u,o),n.__v=r.__v,n.__.__k[n.__i]=n,M(a,n,o),r.__=r.__e=null,n.__e!=i&&T(n))}function T(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),T(e)}function E(t){(8&t.__g||(t.__g|=8,r.push(t),a++))&&i==e.debounceRendering||((i=e.debounceRendering)||queueMicrotask)(D)}function D(){try{for(var e,t=1;r.length;)r.length>t&&r.sort(o),e=r.shift(),t=r.length,8&e.__g&&w(e)}finally{(a=r.length)&&(i||queueMicrotask)(D)}}function ee(e,t,n,r,i,a,o,s,c,l,u){var d,m,h,g,_,v,y=r.__k||p,b=t.length;for(c=O(n,t,y,c,b),d=0;d<b;d++)(h=n.__k[d])!=null&&(m=~h.__i&&y[h.__i]||f,h.__i=d,v=re(e,h,m,i,a,o,s,c,l,u),g=h.__e,(m.ref!=h.ref||8&m.__u)&&(m.ref&&N(m.ref,null,h,m),h.ref&&u.push(h.ref,h.__c||g,h)),_=_||g,4&h.__u?(c=k(h,c,e,!m.__v),m.__e&&(m.__e=null)):typeof h.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),h.__u&=-21);return n.__e=_,c}function O(e,t,n,r,i){var a,o,s,c,l,u,f,p,m,g=n.length,_=g,v=0,y=0,S=e.__k=Array(i);for(a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o!=`object`||o.constructor===String?o=S[a]=b(null,o):h(o)?o=S[a]=b(x,{children:o}):o.constructor===d&&o.__b?o=S[a]=b(o.type,o.props,o.key,o.ref,o.__v):S[a]=o,c=a+v,o.__=e,o.__b=e.__b+1,s=null,~(l=o.__i=te(o,n,c,_))&&(_--,(s=n[l])&&(s.__u|=2)),s&&s.__v?(o.__u|=16,l==c-1?v--:l==c+1?v++:l!=c&&(l>c?v--:v++,y=1)):(~l||(i>g?v--:i<g&&v++),typeof o.type!=`function`&&(o.__u|=4))):S[a]=null;if(y){for(u=[],f=[],a=0;a<i;a++)if((o=S[a])&&16&o.__u){for(v=0,p=u.length;v<p;)u[m=v+p>>1]<o.__i?v=m+1:p=m;u[v]=o.__i,f[a]=v+1}for(v=u.length;a--;)f[a]&&(f[a]==v?v--:S[a].__u|=4)}if(_)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==r&&(r=C(s)),se(s,s));return r}function k(e,t,n,r){var i,a,o,s;if(typeof e.type==`function`){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=k(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=C(e))&&!t.parentNode&&(t=null),o=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(o!=s&&(!r&&n.moveBefore&&o.parentNode?n.moveBefore(o,t):n.insertBefore(o,t||null)),t=o;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith(`$s`););return t}function te(e,t,n,r){var i,a=e.key,o=e.type,s=t[n],c=s&&!(2&s.__u);if(s===null&&a==null||c&&a==s.key&&o==s.type)return n;if(r>+!!c){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&o==s.type)return i}return-1}function ne(e,t,n){n??(n=``),t[0]==`-`?e.setProperty(t,n):e[t]=n}function A(e,t,n,r,i){var a,o;if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||ne(e.style,t);if(n)for(t in n)r&&n[t]==r[t]||ne(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)typeof n!=`function`&&(n=null),typeof r!=`function`&&(r=null),(e.__e||(e.__e={}))[t]=n,n&&r||(o=u[t]||(u[t]=j(t)),(e.__a||(e.__a={}))[t]=l,a=t!=(t=t.replace(c,`$1`)),(t=t.slice(2))[0]<`a`&&(t=t.toLowerCase()),n?e.addEventListener(t,o,a):e.removeEventListener(t,o,a));else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;return}catch{}if(typeof n==`function`)return;n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n)}}function j(t){return function(n){var r=this.__e;if(r){if(r=r[t],n[s]==null)n[s]=l++;else if(n[s]<this.__a[t])return;return r(e.event?e.event(n):n)}}}function re(t,n,r,i,a,o,s,c,l,u){var f,m,g,y,b,w,T,E,D,O,k,te,ne,A,j,re,M,N,P=n.type;if(n.constructor!==d)return null;128&r.__u&&(l=32&r.__u,f=r.__c.__z)&&(n.__u|=l,m=o=[],f.nodeType==8?c=ie(f,o):o.push(f),c=o[0]||c),(f=e.__b)&&f(n);n:if(typeof P==`function`){g=s.length;try{if(E=n.props,D=(f=P.prototype)&&f.render,O=(f=P.contextType)&&i[f.__c],k=f?O?O.props.value:f.__:i,(y=r.__c)?(n.__c=y,2&y.__g&&(y.__g|=1)):(D?n.__c=y=new P(E,k):(n.__c=y=new S(E,k),y.constructor=P,y.render=ce),O&&O.sub(y),y.state||(y.state={}),y.__n=i,y.__g|=8,y.__h=[],y.__k=[]),D&&(y.__s||(y.__s=y.state),P.getDerivedStateFromProps&&(y.__s==y.state&&(y.__s=_({},y.__s)),_(y.__s,P.getDerivedStateFromProps(E,y.__s)))),b=y.props,w=y.state,y.__v=n,r.__c){if(E!==b&&D&&!P.getDerivedStateFromProps&&y.componentWillReceiveProps&&y.componentWillReceiveProps(E,k),n.__v==r.__v&&!(8&y.__g)||!(4&y.__g)&&y.shouldComponentUpdate&&!1===y.shouldComponentUpdate(E,y.__s,k)){n.__v!=r.__v&&(y.props=E,y.state=y.__s,y.__g&=-9),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),p.push.apply(y.__h,y.__k),y.__k=[],y.__h.length&&s.push(y),c=C(r);break n}y.componentWillUpdate&&y.componentWillUpdate(E,y.__s,k),D&&y.componentDidUpdate&&y.__h.push(function(){y.componentDidUpdate(b,w,T)})}else D&&!P.getDerivedStateFromProps&&y.componentWillMount&&y.componentWillMount(),D&&y.componentDidMount&&y.__h.push(y.componentDidMount);y.context=k,y.props=E,y.__P=t,y.__g&=-5,te=e.__r,ne=D?25:0;do y.__g&=-9,te&&te(n),f=y.render(y.props,y.state=y.__s,y.context);while(8&y.__g&&++ne<25);D&&(p.push.apply(y.__h,y.__k),y.__k=[]),y.state=y.__s,y.getChildContext&&(i=_({},i,y.getChildContext())),D&&r.__c&&y.getSnapshotBeforeUpdate&&(T=y.getSnapshotBeforeUpdate(b,w)),A=f&&f.type===x&&f.key==null?f.props.children:f,E.__P&&(f=c,a=(t=E.__P).namespaceURI,l=o=null,r.props&&r.props.__P!=t&&(r.__k.some(function(e){e&&se(e,e)}),r.__k=null),c=r.__k?C(r,0):null),c=ee(t,h(A)?A:[A],n,r,i,a,o,s,c,l,u),E.__P&&(n.__e=null,c=f),n.__u&=-161,m&&m.some(v),y.__h.length&&s.push(y),1&y.__g&&(y.__g&=-4)}catch(t){if(s.length=g,n.__v=null,l||o){if(t&&t.then){if(n.__u|=128|l,o){for(~(M=o.indexOf(c||void 0))||(M=o.length);(N=o[M-1])&&N.nodeType==8;)M--;for(;M<o.length;M++)if(N=o[M]){if(o[M]=null,j){if(N==re)break}else{if(N.nodeType!=8)break;N.data.startsWith(`$s`)&&(re=ie(j=N))}}}if(!j){for(;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;j=c}(f=ie(j=n.__c.__z||(n.__c.__z=j)))?(n.__e=j,c=f):n.__e=c,c=c&&c.nextSibling}else o&&o.some(v)}else n.__e=r.__e;n.__k||(n.__k=r.__k||[]),t&&t.then||ae(n),e.__e(t,n,r)}}else c=n.__e=oe(r.__e,n,r,i,a,o,s,l,u,t);return(f=e.diffed)&&f(n),c}function ie(e,t){if(e&&e.nodeType==8&&e.data.startsWith(`$s`))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith(`$s`))n++;else if(e.data.startsWith(`/$s`)&&!--n)return e}t&&t.push(e)}}function ae(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(ae))}function M(t,n,r){for(var i=0;i<r.length;)N(r[i++],r[i++],r[i++]);e.__c&&e.__c(n,t),t.some(function(n){try{t=n.__h,n.__h=[],t.some(function(e){e.call(n)})}catch(t){e.__e(t,n.__v)}})}function oe(t,n,r,i,a,o,s,c,l,u){var d,p,_,y,b,x,S,w,T=r.props||f,E=n.props,D=n.type;if(D==`svg`?a=`http://www.w3.org/2000/svg`:D==`math`?a=`http://www.w3.org/1998/Math/MathML`:a||(a=`http://www.w3.org/1999/xhtml`),o){for(d=0;d<o.length;d++)if((b=o[d])&&(D?b.localName==D:b.nodeType==3)){t=b,o[d]=null;break}}if(!t){if(w=u.ownerDocument||document,!D)return w.createTextNode(E);t=w.createElementNS(a,D,E.is?E:u),c&&(e.__m&&e.__m(n,o),c=!1),o=null}if(D){if(u=D==`template`&&t.content||t,o=D==`textarea`&&E.defaultValue!=null?null:o&&g.call(u.childNodes),!c&&o)for(T={},d=0;d<t.attributes.length;d++)T[(b=t.attributes[d]).name]=b.value;for(d in T)b=T[d],d==`dangerouslySetInnerHTML`?_=b:d==`children`||d in E||d==`value`&&`defaultValue`in E||d==`checked`&&`defaultChecked`in E||A(t,d,null,b,a);for(d in E)b=E[d],d==`children`?y=b:d==`dangerouslySetInnerHTML`?p=b:d==`value`?x=b:d==`checked`?S=b:c&&typeof b!=`function`||T[d]===b||A(t,d,b,T[d],a);p?(c||_&&(p.__html==_.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),n.__k=[]):(_&&(t.textContent=``),(D==`foreignObject`||a==`http://www.w3.org/1998/Math/MathML`&&m.test(D))&&(a=`http://www.w3.org/1999/xhtml`),ee(u,h(y)?y:[y],n,r,i,a,o,s,o?o[0]:r.__k&&C(r,0),c,l),o&&o.some(v)),c&&D!=`textarea`||(d=`value`,D==`progress`&&x==null?t.removeAttribute(d):x==null||x===t[d]&&(D!=`progress`||x)||A(t,d,x,T[d],a),d=`checked`,S!=null&&S!=t[d]&&A(t,d,S,T[d],a))}else T===E||c&&t.data==E||(t.data=E);return t}function N(t,n,r,i){try{typeof t==`function`?n?n.__x=t(n)||1:i&&(i=i.__c||i.__e)&&(n=i.__x)&&(i.__x=null,typeof n==`function`?n():t(null)):t.current=n}catch(t){e.__e(t,r)}}function se(t,n,r){var i,a,o,s;if(e.unmount&&e.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||N(i,null,n,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(t){e.__e(t,n)}i.__P=i.__n=null}if(i=t.__k)for(s=0;s<i.length;s++)i[s]&&se(i[s],n,typeof t.type!=`function`||r&&!t.props.__P);!r&&(i=t.__c)&&(i=i.__z)&&(a=ie(i,o=[]))&&(i==t.__e&&o.some(v),v(a),v(i)),r||v(t.__e),t.__e=t.__c=t.__=null}function ce(e,t,n){return this.constructor(e,n)}function P(t,n){var r,i,a,o;e.__&&e.__(t,n),n.nodeType==9&&(n=n.documentElement),i=(r=t&&32&t.__u)?null:n.__k,n.__k=b(x,{children:[t]}),a=[],o=[],re(n,n.__k,i||f,f,n.namespaceURI,i?null:n.firstChild?g.call(n.childNodes):null,a,i?i.__e:n.firstChild,r,o),M(a,n.__k,o),n.__k.props.children=null}e={__e:function(e,t,n,r){for(var i,o,s;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((s=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,r||{}),s=1),s&&8&i.__g)return void(i.__g|=2)}catch(t){e=t}}throw a=0,e}},t=0,n=function(e){return e!=null&&e.constructor===d},S.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=_({},this.state)),typeof e==`function`&&(e=e(_({},n),this.props)),e&&(_(n,e),this.__v&&(t&&this.__k.push(t),E(this)))},S.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),E(this))},S.prototype.render=x,r=[],a=0,o=function(e,t){return e.__v.__b-t.__v.__b},s=Symbol(),c=/(PointerCapture)$|Capture$/i,l=0,u={};var le,F,ue,de,fe=Object.is,pe=0,me=[],he=[],I=e,ge=I.__b,_e=I.__r,ve=I.diffed,ye=I.__c,be=I.unmount,xe=I.__;function Se(e,t){I.__h&&I.__h(F,e,pe||t),pe=0;var n=F.__H||(F.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function L(e){return pe=1,Ce(Pe,e)}function Ce(e,t,n){var r=Se(le++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Pe(void 0,t),function(e){var t=(r.__N||r.__)[0],n=r.t(t,e);fe(t,n)||(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=F,!F.__f)){F.__f=!0;var i=F.shouldComponentUpdate;F.shouldComponentUpdate=function(e,t,n){var r=this.__H;if(!r)return!0;var a=!1,o=this.props!=e;if(r.__.some(function(e){e.__N&&(a=!0,fe(e.__[0],e.__N[0])||(o=!0))}),i){var s=i.call(this,e,t,n);return a?s||o:s}return!a||o}}return r.__}function we(e,t){var n=Se(le++,3);!I.__s&&Ne(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,F.__H.__h.push(n))}function Te(e){return pe=5,Ee(function(){return{current:e}},[])}function Ee(e,t){var n=Se(le++,7);return Ne(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function De(){var e;do{for(;e=he.shift();)try{je(e)}catch(t){I.__e(t,{__:(e=e.__P)&&e.__v})}for(;e=me.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(je),t.__h.some(Me),t.__h=[]}catch(n){t.__h=[],I.__e(n,e.__v)}}}while(he.length)}I.__b=function(e){F=null,ge&&ge(e)},I.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),xe&&xe(e,t)},I.__r=function(e){_e&&_e(e),le=0;var t=(F=e.__c).__H;t&&(ue==F?F.__h=[]:(t.__h.some(je),t.__h.some(Me),le=0),t.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})),ue=F},I.diffed=function(e){ve&&ve(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Ae(me.push(t)),t.__H.__.some(function(e){e.u&&(e.__H=e.u)})),ue=F=null},I.__c=function(e,t){t.some(function(e){try{e.__h.some(je),e.__h=e.__h.filter(function(e){return!e.__||Me(e)})}catch(t){e.__h=[function(){throw t}]}}),ye&&ye(e,t)},I.unmount=function(e){be&&be(e);var t,n,r=e.__c;r&&r.__H&&(r.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}r.__P=n,Ae(he.push(r))}else je(r)}catch(e){t=e}}),r.__H=void 0,t&&I.__e(t,r.__v))};var Oe=typeof requestAnimationFrame==`function`;function ke(e){var t,n=function(){clearTimeout(r),Oe&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Oe&&(t=requestAnimationFrame(n))}function Ae(e){e!=1&&de==I.requestAnimationFrame||((de=I.requestAnimationFrame)||ke)(De)}function je(e){var t=F,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),F=t}function Me(e){var t=F;e.__c=e.__(),F=t}function Ne(e,t){return!e||e.length!=t.length||t.some(function(t,n){return!fe(t,e[n])})}function Pe(e,t){return typeof t==`function`?t(e):t}function Fe(e){let[t,n]=L(null);return we(()=>{let t=!0;return e().then(e=>t&&n(()=>e)),()=>{t=!1}},[e]),t}function Ie(e){"@babel/helpers - typeof";return Ie=typeof Symbol==`function`&&typeof Symbol.iterator==`symbol`?function(e){return typeof e}:function(e){return e&&typeof Symbol==`function`&&e.constructor===Symbol&&e!==Symbol.prototype?`symbol`:typeof e},Ie(e)}function Le(e,t){if(Ie(e)!=`object`||!e)return e;var n=e[Symbol.toPrimitive];if(n!==void 0){var r=n.call(e,t||`default`);if(Ie(r)!=`object`)return r;throw TypeError(`@@toPrimitive must return a primitive value.`)}return(t===`string`?String:Number)(e)}function Re(e){var t=Le(e,`string`);return Ie(t)==`symbol`?t:t+``}function R(e,t,n){return(t=Re(t))in e?Object.defineProperty(e,t,{value:n,enumerable:!0,configurable:!0,writable:!0}):e[t]=n,e}var z=class extends Error{constructor(e,t,n){super(e),R(this,`code`,void 0),R(this,`field`,void 0),this.code=t,this.field=n}get transient(){return this.code===`NETWORK`||this.code===`UNAVAILABLE`||this.code===`INTERNAL`||this.code===`RATE_LIMITED`}},ze=null,Be=()=>{};function Ve(e){ze=e}function He(e){Be=e}async function Ue(e,t){let n;try{n=await fetch(`/graphql`,{method:`POST`,headers:{"content-type":`application/json`,...ze?{authorization:`Bearer ${ze}`}:{}},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new z(`network unreachable`,`NETWORK`)}let r;try{r=await n.json()}catch{throw new z(`HTTP ${n.status}`,n.status>=500?`UNAVAILABLE`:`INTERNAL`)}let i=r.errors?.[0];if(i){let e=i.extensions?.code??`INTERNAL`;throw e===`UNAUTHENTICATED`&&ze&&Be(),new z(i.message,e,i.extensions?.field)}if(!r.data)throw new z(`empty answer`,`INTERNAL`);return r.data}var We=Symbol.for(`preact-signals`);function Ge(){if(V>1)V--;else{var e,t=!1;for((function(){var e=$e;for($e=void 0;e!==void 0;){var t=e.S;if(t.v===e.v)for(var n=t.t;n!==void 0;n=n.x)n.i===e.i&&(n.i=t.i);e=e.o}})();Ye!==void 0;){var n=Ye;for(Ye=void 0,Xe++;n!==void 0;){var r=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&nt(n))try{n.c()}catch(n){t||(e=n,t=!0)}n=r}}if(Xe=0,V--,t)throw e}}function Ke(e){if(V>0)return e();Qe=++Ze,V++;try{return e()}finally{Ge()}}var qe,B=void 0;function Je(e){var t=B,n=qe;B=void 0,qe=void 0;try{return e()}finally{B=t,qe=n}}var Ye=void 0,V=0,Xe=0,Ze=0,Qe=0,$e=void 0,et=0;function tt(e){if(B!==void 0){var t=e.n;if(t===void 0||t.t!==B)return t={i:0,S:e,p:B.s,n:void 0,t:B,e:void 0,x:void 0,r:t},B.s!==void 0&&(B.s.n=t),B.s=t,e.n=t,32&B.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=B.s,t.n=void 0,B.s.n=t,B.s=t),t}}function H(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}H.prototype.brand=We,H.prototype.h=function(){return!0},H.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n===void 0?Je(function(){var e;(e=t.W)==null||e.call(t)}):n.e=e)},H.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,r=e.x;n!==void 0&&(n.x=r,e.e=void 0),r!==void 0&&(r.e=n,e.x=void 0),e===this.t&&(this.t=r,r===void 0&&Je(function(){var e;(e=t.Z)==null||e.call(t)}))}},H.prototype.subscribe=function(e){var t=this;return ut(function(){var n=t.value;Je(function(){return e(n)})},{name:`sub`})},H.prototype.valueOf=function(){return this.value},H.prototype.toString=function(){return this.value+``},H.prototype.toJSON=function(){return this.value},H.prototype.peek=function(){var e=this;return Je(function(){return e.value})},Object.defineProperty(H.prototype,"value",{get:function(){var e=tt(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(Xe>100)throw Error(`Cycle detected`);(function(e){V!==0&&Xe===0&&e.l!==Qe&&(e.l=Qe,$e={S:e,v:e.v,i:e.i,o:$e})})(this),this.v=e,this.i++,et++,V++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{Ge()}}}});function U(e,t){return new H(e,t)}function nt(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function rt(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function it(e){for(var t=e.s,n=void 0;t!==void 0;){var r=t.p;t.i===-1?(t.S.U(t),r!==void 0&&(r.n=t.n),t.n!==void 0&&(t.n.p=r)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=r}e.s=n}function W(e,t){H.call(this,void 0,t),this.x=e,this.s=void 0,this.g=et-1,this.f=4}W.prototype=new H,W.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===et))return!0;if(this.g=et,this.f|=1,this.i>0&&!nt(this))return this.f&=-2,!0;var e=B;try{rt(this),B=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(e){this.v=e,this.f|=16,this.i++}return B=e,it(this),this.f&=-2,!0},W.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}H.prototype.S.call(this,e)},W.prototype.U=function(e){if(this.t!==void 0&&(H.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}},W.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}},Object.defineProperty(W.prototype,"value",{get:function(){if(1&this.f)throw Error(`Cycle detected`);var e=tt(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function at(e,t){return new W(e,t)}function ot(e){var t=e.j;if(e.j=void 0,typeof t==`function`){V++;var n=B;B=void 0;try{t()}catch(t){throw e.f&=-2,e.f|=8,st(e),t}finally{B=n,Ge()}}}function st(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,ot(e)}function ct(e){if(B!==this)throw Error(`Out-of-order effect`);it(this),B=e,this.f&=-2;try{8&this.f&&st(this)}finally{Ge()}}function lt(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,qe&&qe.push(this)}lt.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t==`function`&&(this.j=t)}finally{e()}},lt.prototype.S=function(){if(1&this.f)throw Error(`Cycle detected`);this.f|=1,this.f&=-9,ot(this),rt(this),V++;var e=B;return B=this,ct.bind(this,e)},lt.prototype.N=function(){2&this.f||(this.f|=2,this.u=Ye,Ye=this)},lt.prototype.d=function(){this.f|=8,1&this.f||st(this)},lt.prototype.dispose=function(){this.d()};function ut(e,t){var n=new lt(e,t);try{n.c()}catch(e){throw n.d(),e}var r=n.d.bind(n);return r[Symbol.dispose]=r,r}var dt,ft,pt=typeof window<`u`&&!!window.__PREACT_SIGNALS_DEVTOOLS__,mt=[];ut(function(){dt=this.N})();function ht(t,n){e[t]=n.bind(null,e[t]||function(){})}function gt(e){if(ft){var t=ft;ft=void 0,t()}ft=e&&e.S()}function _t(e){var t=this,r=e.data,i=yt(r);i.name=`ReactiveDom`,i.value=r;var a=Ee(function(){for(var e=t,r=t.__v;r=r.__;)if(r.__c){r.__c.__$f|=4;break}var a=at(function(){var e=i.value.value;return e===0?0:!0===e?``:e||``}),o=at(function(){return!Array.isArray(a.value)&&!n(a.value)}),s=ut(function(){if(this.N=St,o.value){var t=a.value;e.__v&&e.__v.__e&&e.__v.__e.nodeType===3&&(e.__v.__e.data=t)}}),c=t.__$u.d;return t.__$u.d=function(){s(),c.call(this)},[o,a]},[]),o=a[0],s=a[1];return o.value?s.peek():s.value}_t.displayName=`ReactiveTextNode`,Object.defineProperties(H.prototype,{constructor:{configurable:!0,value:y(x,null).constructor},type:{configurable:!0,value:_t},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}}),ht(`__b`,function(e,t){if(gt(),typeof t.type==`string`){var n,r=t.props;for(var i in r)if(i!==`children`){var a=r[i];a instanceof H&&(n||(t.__np=n={}),n[i]=a,r[i]=a.peek())}}e(t)}),ht(`__r`,function(e,t){if(e(t),t.type!==x){gt();var n,r=t.__c;r&&(r.__$f&=-2,(n=r.__$u)===void 0&&(r.__$u=n=function(e,t){var n;return ut(function(){n=this},{name:t}),n.c=e,n}(function(e){return function(){var t;pt&&((t=this.y)==null||t.call(this)),e.__$f|=1,e.setState({})}}(r),typeof t.type==`function`?t.type.displayName||t.type.name:``))),gt(n)}}),ht(`__e`,function(e,t,n,r){gt(),e(t,n,r)}),ht(`diffed`,function(e,t){gt();var n;if(typeof t.type==`string`&&(n=t.__e)){var r=t.__np,i=t.props,a=n.U;if(a)for(var o in a){var s=a[o];s===void 0||r&&o in r||(s.d(),a[o]=void 0)}if(r)for(var c in a||(a={},n.U=a),r){var l=a[c],u=r[c];l===void 0?(l=vt(n,c,u,i),a[c]=l):l.o(u,i)}}e(t)});function vt(e,t,n,r){var i=t in e&&e.ownerSVGElement===void 0,a=U(n);return{o:function(e,t){a.value=e,r=t},d:ut(function(){this.N=St;var n=a.value.value;r[t]!==n&&(r[t]=n,i?e[t]=n:n!=null&&(!1!==n||t[4]===`-`)?e.setAttribute(t,n):e.removeAttribute(t))})}}ht(`unmount`,function(e,t){if(typeof t.type==`string`){var n=t.__e;if(n){var r=n.U;if(r)for(var i in n.U=void 0,r){var a=r[i];a&&a.d()}}var o=t.__np;if(o){var s=t.props;for(var c in o)s[c]=o[c]}t.__np=void 0}else{var l=t.__c;if(l){l.__$f|=8;var u=l.__$u;u&&(l.__$u=void 0,u.d())}}e(t)}),ht(`__h`,function(e,t,n,r){r<3&&(t.__$f|=2),e(t,n,r)}),S.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,r=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u==`boolean`&&!0===this.u){var a=2&this.__$f;if(!(r||a||4&this.__$f)||1&this.__$f)return!0}else if(!(r||4&this.__$f)||3&this.__$f)return!0;for(var o in e)if(o!==`__source`&&e[o]!==this.props[o])return!0;for(var s in this.props)if(!(s in e))return!0;return!1};function yt(e,t){return Ee(function(){return U(e,t)},[])}var bt=function(e){queueMicrotask(function(){queueMicrotask(e)})};function xt(){Ke(function(){for(var e;e=mt.shift();)dt.call(e)})}function St(){mt.push(this)===1&&(e.requestAnimationFrame||bt)(xt)}function G(e){return e===null?`null`:Array.isArray(e)?`array`:typeof e}function K(e){return G(e)===`object`}function Ct(e){return Array.isArray(e)&&e.length>0&&e.every(e=>`message`in e)}function wt(e,t){return e.length<124?e:t}var q=(e=>(e[e.InternalServerError=4500]=`InternalServerError`,e[e.InternalClientError=4005]=`InternalClientError`,e[e.BadRequest=4400]=`BadRequest`,e[e.BadResponse=4004]=`BadResponse`,e[e.Unauthorized=4401]=`Unauthorized`,e[e.Forbidden=4403]=`Forbidden`,e[e.SubprotocolNotAcceptable=4406]=`SubprotocolNotAcceptable`,e[e.ConnectionInitialisationTimeout=4408]=`ConnectionInitialisationTimeout`,e[e.ConnectionAcknowledgementTimeout=4504]=`ConnectionAcknowledgementTimeout`,e[e.SubscriberAlreadyExists=4409]=`SubscriberAlreadyExists`,e[e.TooManyInitialisationRequests=4429]=`TooManyInitialisationRequests`,e))(q||{}),J=(e=>(e.ConnectionInit=`connection_init`,e.ConnectionAck=`connection_ack`,e.Ping=`ping`,e.Pong=`pong`,e.Subscribe=`subscribe`,e.Next=`next`,e.Error=`error`,e.Complete=`complete`,e))(J||{});function Tt(e){if(!K(e))throw Error(`Message is expected to be an object, but got ${G(e)}`);if(!e.type)throw Error(`Message is missing the 'type' property`);if(typeof e.type!=`string`)throw Error(`Message is expects the 'type' property to be a string, but got ${G(e.type)}`);switch(e.type){case`connection_init`:case`connection_ack`:case`ping`:case`pong`:if(e.payload!=null&&!K(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break;case`subscribe`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!K(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${G(e.payload)}`);if(typeof e.payload.query!=`string`)throw Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${G(e.payload.query)}`);if(e.payload.variables!=null&&!K(e.payload.variables))throw Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${G(e.payload.variables)}`);if(e.payload.operationName!=null&&G(e.payload.operationName)!==`string`)throw Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${G(e.payload.operationName)}`);if(e.payload.extensions!=null&&!K(e.payload.extensions))throw Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${G(e.payload.extensions)}`);break;case`next`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!K(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${G(e.payload)}`);break;case`error`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Ct(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break;case`complete`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);break;default:throw Error(`Invalid message 'type' property "${e.type}"`)}return e}function Et(e,t){return Tt(typeof e==`string`?JSON.parse(e,t):e)}function Dt(e,t){return Tt(e),JSON.stringify(e,t)}function Ot(e){let{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:i=console.error,lazyCloseTimeout:a=0,keepAlive:o=0,disablePong:s,connectionAckWaitTimeout:c=0,retryAttempts:l=5,retryWait:u=async function(e){let t=2**e;await new Promise(e=>setTimeout(e,t*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:d=At,on:f,webSocketImpl:p,generateID:m=function(){return`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.replace(/[xy]/g,e=>{let t=Math.random()*16|0;return(e==`x`?t:t&3|8).toString(16)})},jsonMessageReplacer:h,jsonMessageReviver:g}=e,_;if(p){if(!Mt(p))throw Error(`Invalid WebSocket implementation provided`);_=p}else typeof WebSocket<`u`?_=WebSocket:typeof global<`u`?_=global.WebSocket||global.MozWebSocket:typeof window<`u`&&(_=window.WebSocket||window.MozWebSocket);if(!_)throw Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let v=_,y=(()=>{let e=(()=>{let e={};return{on(t,n){return e[t]=n,()=>{delete e[t]}},emit(t){`id`in t&&e[t.id]?.(t)}}})(),t={connecting:f?.connecting?[f.connecting]:[],opened:f?.opened?[f.opened]:[],connected:f?.connected?[f.connected]:[],ping:f?.ping?[f.ping]:[],pong:f?.pong?[f.pong]:[],message:f?.message?[e.emit,f.message]:[e.emit],closed:f?.closed?[f.closed]:[],error:f?.error?[f.error]:[]};return{onMessage:e.on,on(e,n){let r=t[e];return r.push(n),()=>{let e=r.indexOf(n);e>-1&&r.splice(e,1)}},emit(e,...n){for(let r of[...t[e]])r(...n)}}})();function b(e){let t=[y.on(`error`,n=>{t.forEach(e=>e()),e(n)}),y.on(`closed`,n=>{t.forEach(e=>e()),e(n)})];return()=>t.forEach(e=>e())}let x,S=0,C,w=!1,T=0,E=!1;async function D(){clearTimeout(C);let[e,r]=await(x??(x=new Promise((e,r)=>(async()=>{if(w){if(await u(T),!S)return x=void 0,r({code:1e3,reason:`All Subscriptions Gone`});T++}y.emit(`connecting`,w);let i=new v(typeof t==`function`?await t():t,`graphql-transport-ws`),a,l;function d(){isFinite(o)&&o>0&&(clearTimeout(l),l=setTimeout(()=>{i.readyState===v.OPEN&&(i.send(Dt({type:J.Ping})),y.emit(`ping`,!1,void 0))},o))}b(e=>{x=void 0,clearTimeout(a),clearTimeout(l),r(e),e instanceof kt&&(i.close(4499,`Terminated`),i.onerror=null,i.onclose=null)}),i.onerror=e=>y.emit(`error`,e),i.onclose=e=>y.emit(`closed`,e),i.onopen=async()=>{try{y.emit(`opened`,i);let e=typeof n==`function`?await n():n;if(i.readyState!==v.OPEN)return;i.send(Dt(e?{type:J.ConnectionInit,payload:e}:{type:J.ConnectionInit},h)),isFinite(c)&&c>0&&(a=setTimeout(()=>{i.close(q.ConnectionAcknowledgementTimeout,`Connection acknowledgement timeout`)},c)),d()}catch(e){y.emit(`error`,e),i.close(q.InternalClientError,wt(e instanceof Error?e.message:String(e),`Internal client error`))}};let f=!1;i.onmessage=({data:t})=>{try{let n=Et(t,g);if(y.emit(`message`,n),n.type===`ping`||n.type===`pong`){y.emit(n.type,!0,n.payload),n.type===`pong`?d():s||(i.send(Dt(n.payload?{type:J.Pong,payload:n.payload}:{type:J.Pong},h)),y.emit(`pong`,!1,n.payload));return}if(f)return;if(n.type!==J.ConnectionAck)throw Error(`First message cannot be of type ${n.type}`);clearTimeout(a),f=!0,y.emit(`connected`,i,n.payload,w),w=!1,T=0;let r=new Promise((e,t)=>b(t));r.catch(()=>{}),e([i,r])}catch(e){i.onmessage=null,y.emit(`error`,e),i.close(q.BadResponse,wt(e instanceof Error?e.message:String(e),`Bad response`))}}})())));e.readyState===v.CLOSING&&await r;let i=()=>{},l=new Promise(e=>i=e);return[e,i,new Promise((t,n)=>{let i=b(n);e.readyState!==v.OPEN&&r.catch(n),l.then(()=>{if(i(),!S){let t=()=>e.close(1e3,`Normal Closure`);isFinite(a)&&a>0?(clearTimeout(C),C=setTimeout(()=>{!S&&e.readyState===v.OPEN&&t()},a)):t()}t()})})]}function ee(e){if(At(e)&&(jt(e.code)||[q.InternalServerError,q.InternalClientError,q.BadRequest,q.BadResponse,q.Unauthorized,q.SubprotocolNotAcceptable,q.SubscriberAlreadyExists,q.TooManyInitialisationRequests].includes(e.code)))throw e;if(E)return!1;if(At(e)&&e.code===1e3)return S>0;if(!l||T>=l||!d(e))throw e;return w=!0}r||(async()=>{for(S++;;)try{let[,,e]=await D();await e}catch(e){try{if(!ee(e))return}catch(e){return i?.(e)}}})();function O(e,t){let n=m(e),r=!1,i=!1,a=()=>{S--,r=!0};return(async()=>{for(S++;;)try{let[o,s,c]=await D();if(r)return c.catch(()=>{}),s();let l=y.onMessage(n,e=>{switch(e.type){case J.Next:t.next(e.payload);return;case J.Error:i=!0,r=!0,t.error(e.payload),a();return;case J.Complete:r=!0,a();return}});o.send(Dt({id:n,type:J.Subscribe,payload:e},h)),a=()=>{!r&&o.readyState===v.OPEN&&o.send(Dt({id:n,type:J.Complete},h)),S--,r=!0,s()},await c.finally(l);return}catch(e){if(!ee(e))return}})().then(()=>{i||t.complete()}).catch(e=>{t.error(e)}),()=>{r||a()}}return{on:y.on,subscribe:O,iterate(e){let t=[],n={done:!1,error:null,resolve:()=>{}},r=O(e,{next(e){t.push(e),n.resolve()},error(e){n.done=!0,n.error=e,n.resolve()},complete(){n.done=!0,n.resolve()}}),i=async function*(){for(;;){for(t.length||await new Promise(e=>n.resolve=e);t.length;)yield t.shift();if(n.error)throw n.error;if(n.done)return}}();return i.throw=async e=>(n.done||(n.done=!0,n.error=e,n.resolve()),{done:!0,value:void 0}),i.return=async()=>(r(),{done:!0,value:void 0}),i},async dispose(){if(E=!0,x){let[e]=await x;e.close(1e3,`Normal Closure`)}},terminate(){x&&y.emit(`closed`,new kt)}}}var kt=class extends Error{constructor(...e){super(...e),R(this,`name`,`TerminatedCloseEvent`),R(this,`message`,`4499: Terminated`),R(this,`code`,4499),R(this,`reason`,`Terminated`),R(this,`wasClean`,!1)}};function At(e){return K(e)&&`code`in e&&`reason`in e}function jt(e){return![1e3,1001,1006,1005,1012,1013,1014].includes(e)&&e>=1e3&&e<=1999}function Mt(e){return typeof e==`function`&&`constructor`in e&&`CLOSED`in e&&`CLOSING`in e&&`CONNECTING`in e&&`OPEN`in e}var Nt=U(!1),Pt=U(!1),Y=null,Ft=null,It=new Set;function Lt(e){Ft=e}function Rt(){Ft=null;for(let e of[...It])e.dispose();Y?.dispose(),Y=null,Nt.value=!1,Pt.value=!1}function zt(){if(!Y)return;let e=Y;Y=null;for(let e of It)e.restartSoon(0);e.terminate()}function Bt(){return Y||(Y=Ot({url:`${location.protocol===`https:`?`wss`:`ws`}://${location.host}/graphql/ws`,lazy:!0,retryAttempts:0,keepAlive:15e3,connectionParams:()=>({authorization:`Bearer ${Ft??``}`}),on:{connected:()=>{Nt.value=!0,Pt.value=!1},closed:()=>{Nt.value&&Ft&&(Pt.value=!0),Nt.value=!1}}})),Y}var Vt=class{constructor(e,t,n){R(this,`query`,void 0),R(this,`variables`,void 0),R(this,`onData`,void 0),R(this,`unsubscribe`,null),R(this,`timer`,null),R(this,`delay`,1e3),R(this,`disposed`,!1),R(this,`started`,0),this.query=e,this.variables=t,this.onData=n}start(){if(this.disposed||!Ft)return;this.started+=1;let e=this.started>1?Date.now():null,t=!1,n=()=>{t||(t=!0,this.restartSoon(this.delay*(.5+Math.random())),this.delay=Math.min(this.delay*2,15e3))};this.unsubscribe=Bt().subscribe({query:this.query,variables:this.variables()},{next:t=>{this.delay=1e3,t.data&&this.onData(t.data,e)},error:n,complete:n})}restartSoon(e){if(this.disposed)return;this.timer&&clearTimeout(this.timer);let t=this.unsubscribe;this.unsubscribe=null,t?.(),this.timer=setTimeout(()=>{this.timer=null,this.start()},e)}dispose(){this.disposed=!0,this.timer&&clearTimeout(this.timer),this.unsubscribe?.(),It.delete(this)}};function Ht(e,t,n){let r=new Vt(e.toString(),t,n);return It.add(r),r.start(),()=>r.dispose()}var Ut=0;typeof window<`u`&&(window.addEventListener(`online`,()=>zt()),document.addEventListener(`visibilitychange`,()=>{document.visibilityState===`hidden`?Ut=Date.now():Ut&&Date.now()-Ut>2e4&&zt()}));var Wt={ja:{appName:`つなぐ`,loading:`読み込み中…`,retry:`もう一度`,close:`閉じる`,cancel:`キャンセル`,save:`保存`,send:`送信`,back:`戻る`,loginTitle:`ログイン`,haveCode:`登録コードをお持ちの方`,myAccount:`アカウントとパスワード`,invitations:`招待と登録コード`,email:`メールアドレス`,password:`パスワード`,loginButton:`ログイン`,loginFailed:`メールアドレスかパスワードが違います。`,logout:`ログアウト`,offlineBanner:`オフライン — 接続が戻ると送信します`,pendingCount:`未送信 {n}件`,reconnecting:`再接続中…`,updateReady:`新しいバージョンがあります`,updateNow:`更新`,settings:`設定`,language:`言語 / Language`,languageJa:`日本語`,languageEn:`English`,menu:`メニュー`,homeTitle:`ホーム`,todayIs:`今日 {date}`,notYet:`まだ登園していません`,arrived:`登園 {time}`,arrivedBy:`登園 {time}（{by}）`,left:`降園 {time}`,leftPickup:`降園 {time}（お迎え: {who}）`,absentReported:`欠席連絡済み`,lateExpected:`遅刻予定 {time}`,earlyPickupPlanned:`早退予定 {time}`,acknowledgedAt:`確認済み {time}`,awaitingAck:`保育所の確認待ち`,reportAbsence:`欠席・遅刻の連絡`,morningCheck:`朝の体温`,notebook:`連絡帳`,monthView:`月の記録`,growth:`成長の記録`,childDay:`今日のようす`,missedTitle:`離れている間のお知らせ`,missedArrived:`{name}さんが登園しました {time}`,missedLeft:`{name}さんが降園しました {time}`,noChildren:`表示できるお子さまがいません。`,morningSent:`朝の体温 {temp}℃ 送信済み`,morningNotSent:`朝の体温はまだです`,kind:`連絡の種類`,kindABSENCE:`欠席`,kindLATE:`遅刻`,kindEARLY_PICKUP:`早退・早めのお迎え`,reason:`理由`,reasonILLNESS:`体調不良`,reasonFAMILY:`家庭の事情`,reasonMEDICAL_APPOINTMENT:`通院`,reasonOTHER:`その他`,symptoms:`症状`,symptomFEVER:`発熱`,symptomCOUGH:`せき`,symptomRUNNY_NOSE:`鼻水`,symptomDIARRHEA:`下痢`,symptomVOMITING:`嘔吐`,symptomRASH:`発疹`,symptomCONJUNCTIVITIS:`目の充血`,symptomOTHER:`その他`,date:`日付`,expectedArrival:`登園予定時刻`,pickupTime:`お迎え予定時刻`,note:`メモ`,notePlaceholder:`保育所に伝えたいこと（任意）`,reportSent:`連絡しました。保育所の確認をお待ちください。`,todaysReports:`今日の連絡`,temperature:`体温（℃）`,breakfast:`朝ごはん`,amountALL:`全部`,amountMOST:`ほとんど`,amountHALF:`半分`,amountLITTLE:`少し`,amountNONE:`食べていない`,morningSaved:`送信しました。`,notebookNursery:`保育所から`,notebookHome:`おうちから`,notebookEmpty:`まだ連絡帳はありません。`,writeHome:`おうちからの連絡を書く`,homeSleep:`睡眠`,homeMood:`機嫌`,homeBreakfast:`朝食`,homeMessage:`連絡事項`,notebookSaved:`保存しました。`,secArrival:`登園`,secTemperature:`体温`,secMeals:`食事`,secNap:`午睡`,secMood:`機嫌`,secActivities:`活動`,secMessage:`ひとこと`,present:`出席`,absent:`欠席`,late:`遅刻`,noRecord:`記録なし`,prevMonth:`前の月`,nextMonth:`次の月`,monthSummary:`出席 {present}日・欠席 {absent}日・遅刻 {late}日`,height:`身長`,weight:`体重`,kaup:`カウプ指数`,growthEmpty:`まだ記録がありません。`,measuredOn:`測定日`,kaupNote:`カウプ指数 = 体重(g) ÷ 身長(cm)² × 10。乳幼児はおよそ15〜19が標準です。`,notifications:`通知`,enablePush:`通知を受け取る`,pushWhy:`登園・降園や連絡帳が届いたとき、アプリを閉じていてもお知らせします。`,pushOn:`通知はオンです`,pushDenied:`通知がブロックされています。ブラウザの設定から許可してください。`,pushUnsupported:`この端末のブラウザでは通知を受け取れません。`,pushIos:`iPhone・iPad では、共有ボタンから「ホーム画面に追加」したアプリで通知を受け取れます（iOS 16.4以降）。`,pushKindARRIVAL:`登園`,pushKindDEPARTURE:`降園`,pushKindABSENCE_ACKNOWLEDGED:`連絡の確認`,pushKindNOTEBOOK_PUBLISHED:`連絡帳`,pushKindFEVER:`体調のお知らせ`,pushKindABSENCE_REPORTED:`欠席・遅刻の連絡`,pushKindNAP_ALERT:`午睡チェック`,pushKindARRIVAL_CHECK:`登園の確認（登園も連絡もないとき）`,pushDisable:`通知をやめる`,pushArrivalTitle:`登園しました`,pushArrivalBody:`{name}さんが登園しました（{time}）`,pushDepartureTitle:`降園しました`,pushDepartureBody:`{name}さんが降園しました（{time}）`,pushAckTitle:`連絡を確認しました`,pushAckBody:`{name}さんの連絡を保育所が確認しました`,pushNotebookTitle:`連絡帳が届きました`,pushNotebookBody:`{name}さんの連絡帳が届きました`,pushFeverTitle:`保育所からのお知らせ`,pushFeverBody:`{name}さんの体調について、保育所にご連絡ください`,pushReportedTitle:`欠席・遅刻の連絡`,pushReportedBody:`{name}さんの保護者から連絡がありました`,pushNapTitle:`午睡チェック`,pushNapBody:`{name}さんを確認してください（{time}）`,roster:`名簿`,reports:`連絡`,pickClassroom:`クラスを選択`,pickClassroomHint:`この端末で使うクラスを選んでください。`,allClassrooms:`全クラス`,changeClassroom:`クラス変更`,stNotYet:`未登園`,stPresent:`登園 {time}`,stLeft:`降園 {time}`,stAbsent:`欠席`,stLate:`遅刻 {time}`,stEarly:`早退 {time}`,stPending:`送信待ち`,checkInAction:`タップで登園`,checkOutAction:`タップで降園`,checkOutTitle:`{name} 降園`,whoPicksUp:`お迎えの人`,pickupMother:`母`,pickupFather:`父`,pickupGrandmother:`祖母`,pickupGrandfather:`祖父`,checkOut:`降園にする`,counts:`在園 {present}・未登園 {notYet}・欠席 {absent}・降園 {left}`,refusedTitle:`送信できなかった記録`,refusedItem:`{name}: {action} — {reason}`,actionCheckIn:`登園`,actionCheckOut:`降園`,actionHEALTH:`健康チェック`,actionMEAL:`食事`,actionNAP_CHECK:`午睡チェック`,actionNAP_END:`午睡の終わり`,actionGROWTH:`身長・体重`,careToday:`保育所での様子`,careTemp:`{time} 体温 {temp}℃`,careFever:`発熱`,careMealLine:`{meal}: {amount}`,mealBREAKFAST:`朝ごはん`,mealMORNING_SNACK:`午前のおやつ`,mealLUNCH:`給食`,mealAFTERNOON_SNACK:`午後のおやつ`,ateALL:`全部食べました`,ateMOST:`ほとんど食べました`,ateHALF:`半分食べました`,ateLITTLE:`少し食べました`,ateNONE:`食べませんでした`,careNap:`お昼寝 {from}〜{to}`,careNapNow:`お昼寝中（{from}〜）`,careNothing:`まだ記録はありません。`,refusedConflict:`すでに記録されています（他の端末）`,refusedOther:`記録できませんでした`,dismiss:`確認`,acknowledge:`確認する`,acknowledged:`確認済み {time}`,noReports:`今日の連絡はありません。`,unacknowledged:`未確認 {n}件`,reportedBy:`連絡: {by}`,alertFEVER:`発熱: {name} {temp}`,alertNAP_CHECK_OVERDUE:`午睡チェック遅れ: {name}`,alertNAP_POSITION:`うつぶせ寝: {name}`,alertNAP_BREATHING:`呼吸を確認: {name}`,alertNOTEBOOK_PUBLISHED:`連絡帳: {name}`,allergies:`アレルギー: {list}`,errorGeneric:`うまくいきませんでした。もう一度お試しください。`,errorOffline:`オフラインです。接続が戻ってからもう一度お試しください。`,required:`入力してください`},en:{appName:`Tsunagu`,loading:`Loading…`,retry:`Try again`,close:`Close`,cancel:`Cancel`,save:`Save`,send:`Send`,back:`Back`,loginTitle:`Log in`,haveCode:`I have a code`,myAccount:`Account and password`,invitations:`Invitations and codes`,email:`Email`,password:`Password`,loginButton:`Log in`,loginFailed:`Wrong email or password.`,logout:`Log out`,offlineBanner:`Offline — will send when the connection is back`,pendingCount:`{n} waiting to send`,reconnecting:`Reconnecting…`,updateReady:`A new version is available`,updateNow:`Update`,settings:`Settings`,language:`Language / 言語`,languageJa:`日本語`,languageEn:`English`,menu:`Menu`,homeTitle:`Home`,todayIs:`Today, {date}`,notYet:`Not arrived yet`,arrived:`Arrived {time}`,arrivedBy:`Arrived {time} ({by})`,left:`Went home {time}`,leftPickup:`Went home {time} (picked up by {who})`,absentReported:`Absence reported`,lateExpected:`Late, expected {time}`,earlyPickupPlanned:`Early pick-up at {time}`,acknowledgedAt:`Seen by the nursery {time}`,awaitingAck:`Waiting for the nursery to see it`,reportAbsence:`Absence or lateness`,morningCheck:`Temperature`,notebook:`Notebook`,monthView:`Month`,growth:`Growth`,childDay:`Today`,missedTitle:`While you were away`,missedArrived:`{name} arrived at {time}`,missedLeft:`{name} went home at {time}`,noChildren:`No children to show.`,morningSent:`Morning temperature {temp}°C sent`,morningNotSent:`Morning temperature not sent yet`,kind:`What to tell the nursery`,kindABSENCE:`Absent`,kindLATE:`Late`,kindEARLY_PICKUP:`Early pick-up`,reason:`Reason`,reasonILLNESS:`Unwell`,reasonFAMILY:`Family reasons`,reasonMEDICAL_APPOINTMENT:`Doctor’s appointment`,reasonOTHER:`Other`,symptoms:`Symptoms`,symptomFEVER:`Fever`,symptomCOUGH:`Cough`,symptomRUNNY_NOSE:`Runny nose`,symptomDIARRHEA:`Diarrhoea`,symptomVOMITING:`Vomiting`,symptomRASH:`Rash`,symptomCONJUNCTIVITIS:`Red eyes`,symptomOTHER:`Other`,date:`Date`,expectedArrival:`Expected arrival`,pickupTime:`Pick-up time`,note:`Note`,notePlaceholder:`Anything the nursery should know (optional)`,reportSent:`Sent. The nursery will confirm they have seen it.`,todaysReports:`Today’s messages`,temperature:`Temperature (°C)`,breakfast:`Breakfast`,amountALL:`All`,amountMOST:`Most`,amountHALF:`Half`,amountLITTLE:`A little`,amountNONE:`None`,morningSaved:`Sent.`,notebookNursery:`From the nursery`,notebookHome:`From home`,notebookEmpty:`No notebook pages yet.`,writeHome:`Write to the nursery`,homeSleep:`Sleep`,homeMood:`Mood`,homeBreakfast:`Breakfast`,homeMessage:`Message`,notebookSaved:`Saved.`,secArrival:`Arrival`,secTemperature:`Temperature`,secMeals:`Meals`,secNap:`Nap`,secMood:`Mood`,secActivities:`Activities`,secMessage:`Message`,present:`Present`,absent:`Absent`,late:`Late`,noRecord:`No record`,prevMonth:`Previous month`,nextMonth:`Next month`,monthSummary:`{present} present · {absent} absent · {late} late`,height:`Height`,weight:`Weight`,kaup:`Kaup index`,growthEmpty:`No measurements yet.`,measuredOn:`Measured`,kaupNote:`Kaup index = weight (g) ÷ height (cm)² × 10. For young children about 15–19 is typical.`,notifications:`Notifications`,enablePush:`Turn on notifications`,pushWhy:`We tell you when your child arrives or goes home and when the notebook comes, even with the app closed.`,pushOn:`Notifications are on`,pushDenied:`Notifications are blocked. Allow them in your browser’s settings.`,pushUnsupported:`This browser cannot receive notifications.`,pushIos:`On iPhone and iPad, add the app to your Home Screen (Share → Add to Home Screen) to receive notifications (iOS 16.4 or later).`,pushKindARRIVAL:`Arrival`,pushKindDEPARTURE:`Going home`,pushKindABSENCE_ACKNOWLEDGED:`Message seen`,pushKindNOTEBOOK_PUBLISHED:`Notebook`,pushKindFEVER:`Health notice`,pushKindABSENCE_REPORTED:`Absence reports`,pushKindNAP_ALERT:`Nap checks`,pushKindARRIVAL_CHECK:`Arrival not confirmed (no arrival, no report)`,pushDisable:`Turn off notifications`,pushArrivalTitle:`Arrived`,pushArrivalBody:`{name} arrived at nursery ({time})`,pushDepartureTitle:`Went home`,pushDepartureBody:`{name} went home ({time})`,pushAckTitle:`Message seen`,pushAckBody:`The nursery has seen your message about {name}`,pushNotebookTitle:`Notebook`,pushNotebookBody:`{name}’s notebook page has arrived`,pushFeverTitle:`From the nursery`,pushFeverBody:`Please contact the nursery about {name}`,pushReportedTitle:`Absence report`,pushReportedBody:`A message about {name} from home`,pushNapTitle:`Nap check`,pushNapBody:`Check on {name} ({time})`,roster:`Roster`,reports:`Reports`,pickClassroom:`Choose classroom`,pickClassroomHint:`Which classroom is this tablet for?`,allClassrooms:`All`,changeClassroom:`Change classroom`,stNotYet:`Not here`,stPresent:`In {time}`,stLeft:`Left {time}`,stAbsent:`Absent`,stLate:`Late {time}`,stEarly:`Early {time}`,stPending:`Sending`,checkInAction:`Tap: arrived`,checkOutAction:`Tap: going home`,checkOutTitle:`{name} going home`,whoPicksUp:`Picked up by`,pickupMother:`Mother`,pickupFather:`Father`,pickupGrandmother:`Grandmother`,pickupGrandfather:`Grandfather`,checkOut:`Check out`,counts:`{present} in · {notYet} not here · {absent} absent · {left} left`,refusedTitle:`Not recorded`,refusedItem:`{name}: {action} — {reason}`,actionCheckIn:`arrival`,actionCheckOut:`going home`,actionHEALTH:`health check`,actionMEAL:`meal`,actionNAP_CHECK:`nap check`,actionNAP_END:`nap end`,actionGROWTH:`height and weight`,careToday:`At nursery today`,careTemp:`Temperature {temp}°C at {time}`,careFever:`fever`,careMealLine:`{meal}: {amount}`,mealBREAKFAST:`Breakfast`,mealMORNING_SNACK:`Morning snack`,mealLUNCH:`Lunch`,mealAFTERNOON_SNACK:`Afternoon snack`,ateALL:`ate it all`,ateMOST:`ate most of it`,ateHALF:`ate half`,ateLITTLE:`ate a little`,ateNONE:`did not eat`,careNap:`Nap {from}–{to}`,careNapNow:`Napping (since {from})`,careNothing:`Nothing recorded yet.`,refusedConflict:`already recorded (another tablet)`,refusedOther:`could not be recorded`,dismiss:`OK`,acknowledge:`Acknowledge`,acknowledged:`Seen {time}`,noReports:`No reports today.`,unacknowledged:`{n} new`,reportedBy:`From {by}`,alertFEVER:`Fever: {name} {temp}`,alertNAP_CHECK_OVERDUE:`Nap check overdue: {name}`,alertNAP_POSITION:`Sleeping face down: {name}`,alertNAP_BREATHING:`Check breathing: {name}`,alertNOTEBOOK_PUBLISHED:`Notebook: {name}`,allergies:`Allergies: {list}`,errorGeneric:`Something went wrong. Please try again.`,errorOffline:`You are offline. Try again when the connection is back.`,required:`Required`}};function Gt(e,t,n){let r=Wt[e][t];if(n)for(let[e,t]of Object.entries(n))r=r.split(`{${e}}`).join(String(t));return r}function Kt(e){return e?.toLowerCase().startsWith(`en`)?`en`:`ja`}var qt=U(Jt());function Jt(){try{let e=localStorage.getItem(`tsunagu.locale`);if(e===`ja`||e===`en`)return e}catch{}return`ja`}function Yt(e){qt.value=e;try{localStorage.setItem(`tsunagu.locale`,e)}catch{}document.documentElement.lang=e}function X(e,t){return Gt(qt.value,e,t)}function Xt(e){return new Promise((t,n)=>{e.oncomplete=e.onsuccess=()=>t(e.result),e.onabort=e.onerror=()=>n(e.error)})}function Zt(e,t){let n,r=()=>{if(n)return n;let r=indexedDB.open(e);return r.onupgradeneeded=()=>r.result.createObjectStore(t),n=Xt(r),n.then(e=>{e.onclose=()=>n=void 0},()=>{n=void 0}),n};return(e,n)=>r().then(r=>n(r.transaction(t,e).objectStore(t)))}var Qt;function $t(){return Qt||(Qt=Zt(`keyval-store`,`keyval`)),Qt}function en(e,t=$t()){return t(`readonly`,t=>Xt(t.get(e)))}function tn(e,t,n=$t()){return n(`readwrite`,n=>(n.put(t,e),Xt(n.transaction)))}function nn(e,t,n=$t()){return n(`readwrite`,n=>new Promise((r,i)=>{let a=n.get(e);a.onsuccess=function(){try{n.put(t(a.result),e),r(Xt(n.transaction))}catch(e){i(e)}},a.onerror=()=>i(a.error)}))}var Z=class extends String{constructor(e,t){super(e),R(this,`__apiType`,void 0),R(this,`value`,void 0),R(this,`__meta__`,void 0),this.value=e,this.__meta__=t}toString(){return this.value}};new Z(`
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}
    `,{fragmentName:`IssuedCodeFields`}),new Z(`
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
    `,{fragmentName:`AttendanceFields`}),new Z(`
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}
    `,{fragmentName:`AbsenceFields`}),new Z(`
    fragment CalendarDayFields on CalendarDay {
  date
  open
  status
  holiday
  note
}
    `,{fragmentName:`CalendarDayFields`}),new Z(`
    fragment NurseryHoursFields on NurseryHours {
  openWeekdays
  opensAt
  closesAt
  arrivalCheckAt
  lateGraceMinutes
}
    `,{fragmentName:`NurseryHoursFields`}),new Z(`
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}
    `,{fragmentName:`JournalFields`}),new Z(`
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}
    `,{fragmentName:`ArrivalCheckFields`});var rn=new Z(`
    mutation ActivateAccount($code: String!, $password: String!) {
  activateAccount(code: $code, password: $password) {
    token
    expiresAt
    user {
      id
      displayName
      locale
    }
  }
}
    `),an=new Z(`
    mutation ChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}
    `),on=new Z(`
    query MySessions {
  mySessions {
    id
    device
    createdAt
    lastUsedAt
    current
  }
}
    `),sn=new Z(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `),cn=new Z(`
    mutation EndOtherSessions {
  endOtherSessions
}
    `),ln=new Z(`
    mutation InviteUser($input: InviteUserInput!, $origin: String!) {
  inviteUser(input: $input) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`),un=new Z(`
    mutation ReissueAccountCode($id: ID!, $origin: String!) {
  reissueAccountCode(id: $id) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`),dn=new Z(`
    mutation RevokeAccountCode($id: ID!) {
  revokeAccountCode(id: $id) {
    id
    status
  }
}
    `),fn=new Z(`
    query InvitePage($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    name
  }
  accountCodes(nurseryId: $nurseryId) {
    id
    purpose
    displayName
    email
    role
    status
    expiresAt
  }
  me {
    children {
      id
      name
      family {
        id
      }
      classroom {
        name
      }
    }
  }
}
    `),pn=new Z(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
    user {
      id
      displayName
      locale
    }
  }
}
    `),mn=new Z(`
    mutation Logout {
  logout
}
    `),hn=new Z(`
    mutation SetLocale($locale: String!) {
  setLocale(locale: $locale) {
    id
    locale
  }
}
    `),gn=new Z(`
    query Me {
  me {
    user {
      id
      displayName
      locale
    }
    roles {
      role
      scopeId
    }
    disabledPushKinds
  }
}
    `),_n=new Z(`
    query GuardianHome($from: Date!, $to: Date!) {
  me {
    children {
      id
      name
      nameKana
      birthDate
      nurseryId
      classroom {
        id
        name
      }
      attendance(from: $from, to: $to) {
        ...AttendanceFields
      }
      absences(from: $from, to: $to) {
        ...AbsenceFields
      }
      healthChecks(from: $from, to: $to) {
        id
        recordedAt
        temperatureC
        fever
        source
      }
      meals(from: $from, to: $to) {
        id
        date
        meal
        amount
      }
      naps(from: $from, to: $to) {
        id
        startedAt
        endedAt
      }
    }
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),vn=new Z(`
    query ChildMonth($id: ID!, $from: Date!, $to: Date!) {
  child(id: $id) {
    id
    name
    attendance(from: $from, to: $to) {
      id
      kind
      occurredAt
      pickupBy
    }
    absences(from: $from, to: $to) {
      id
      kind
      date
      reason
      symptoms
      expectedArrival
    }
  }
}
    `),yn=new Z(`
    query ChildGrowth($id: ID!) {
  child(id: $id) {
    id
    name
    birthDate
    growth {
      id
      measuredOn
      heightCm
      weightKg
      kaupIndex
    }
  }
}
    `),bn=new Z(`
    query NotebookPages($nurseryId: ID!, $from: Date!, $to: Date!) {
  journals(nurseryId: $nurseryId, kind: CONTACT_NOTEBOOK, from: $from, to: $to) {
    id
    status
    revision
    periodStart
    body
    updatedAt
    child {
      id
    }
  }
}
    `),xn=new Z(`
    query JournalById($id: ID!) {
  journal(id: $id) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),Sn=new Z(`
    mutation SaveNotebookHome($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    id
    revision
    status
    body
    periodStart
  }
}
    `),Cn=new Z(`
    mutation ReportAbsence($input: AbsenceInput!) {
  reportAbsence(input: $input) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),wn=new Z(`
    mutation RecordHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    source
  }
}
    `),Tn=new Z(`
    mutation RecordMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    date
    meal
    amount
  }
}
    `),En=new Z(`
    query VapidKey {
  vapidPublicKey
}
    `),Dn=new Z(`
    mutation RegisterPush($input: PushSubscriptionInput!) {
  registerPushSubscription(input: $input)
}
    `),On=new Z(`
    mutation UnregisterPush($endpoint: String!) {
  unregisterPushSubscription(endpoint: $endpoint)
}
    `),kn=new Z(`
    mutation SetPushPreference($kind: PushKind!, $enabled: Boolean!) {
  setPushPreference(kind: $kind, enabled: $enabled)
}
    `),An=new Z(`
    subscription AttendanceFeed($after: String) {
  attendanceEvents(after: $after) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`),jn=new Z(`
    subscription AbsenceUpdates {
  absenceUpdates {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),Mn=new Z(`
    subscription AbsenceFeed {
  absenceReports {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),Nn=new Z(`
    subscription CareAlertFeed {
  careAlerts {
    id
    kind
    classroomId
    occurredAt
    message
    temperatureC
    child {
      id
      name
    }
  }
}
    `),Pn=new Z(`
    query StaffNursery($nurseryId: ID!, $date: Date!) {
  nursery(id: $nurseryId) {
    id
    name
    classrooms {
      id
      name
      ageBand
      children {
        id
        name
        nameKana
        allergies
        attendance(from: $date, to: $date) {
          ...AttendanceFields
        }
        absences(from: $date, to: $date) {
          ...AbsenceFields
        }
      }
    }
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}
fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),Fn=new Z(`
    query StaffReports($nurseryId: ID!, $date: Date!) {
  absenceReports(nurseryId: $nurseryId, date: $date) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),In=new Z(`
    mutation CheckIn($input: CheckInInput!) {
  checkIn(input: $input) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`),Ln=new Z(`
    mutation CheckOut($input: CheckOutInput!) {
  checkOut(input: $input) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`),Rn=new Z(`
    mutation AcknowledgeAbsence($id: ID!) {
  acknowledgeAbsence(id: $id) {
    ...AbsenceFields
  }
}
    fragment AbsenceFields on AbsenceReport {
  id
  kind
  date
  reason
  symptoms
  expectedArrival
  note
  acknowledgedAt
  child {
    id
    name
  }
  reportedBy {
    displayName
  }
  acknowledgedBy {
    displayName
  }
}`),zn=new Z(`
    query LiveCursor {
  liveCursor
}
    `),Bn=new Z(`
    mutation CorrectAttendance($attendanceId: ID!, $reason: String!, $idempotencyKey: String) {
  correctAttendance(
    attendanceId: $attendanceId
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...AttendanceFields
  }
}
    fragment AttendanceFields on AttendanceEvent {
  id
  cursor
  kind
  occurredAt
  pickupBy
  corrects
  child {
    id
  }
  recordedBy {
    displayName
  }
}`),Vn=new Z(`
    query HeadCalendar($nurseryId: ID!, $from: Date!, $to: Date!) {
  nurseryCalendar(nurseryId: $nurseryId, from: $from, to: $to) {
    hours {
      ...NurseryHoursFields
    }
    days {
      ...CalendarDayFields
    }
  }
}
    fragment CalendarDayFields on CalendarDay {
  date
  open
  status
  holiday
  note
}
fragment NurseryHoursFields on NurseryHours {
  openWeekdays
  opensAt
  closesAt
  arrivalCheckAt
  lateGraceMinutes
}`),Hn=new Z(`
    mutation SetNurseryHours($nurseryId: ID!, $input: NurseryHoursInput!) {
  setNurseryHours(nurseryId: $nurseryId, input: $input) {
    ...NurseryHoursFields
  }
}
    fragment NurseryHoursFields on NurseryHours {
  openWeekdays
  opensAt
  closesAt
  arrivalCheckAt
  lateGraceMinutes
}`),Un=new Z(`
    mutation SetCalendarDay($nurseryId: ID!, $date: Date!, $open: Boolean, $note: String) {
  setCalendarDay(nurseryId: $nurseryId, date: $date, open: $open, note: $note) {
    ...CalendarDayFields
  }
}
    fragment CalendarDayFields on CalendarDay {
  date
  open
  status
  holiday
  note
}`),Wn=new Z(`
    query CareClass($nurseryId: ID!, $date: Date!) {
  nursery(id: $nurseryId) {
    id
    feverThresholdC
    classrooms {
      id
      name
      ageBand
      children {
        id
        name
        allergies
        healthChecks(from: $date, to: $date) {
          id
          recordedAt
          temperatureC
          fever
          symptoms
          source
        }
        meals(from: $date, to: $date) {
          id
          meal
          amount
        }
        naps(from: $date, to: $date) {
          id
          startedAt
          endedAt
          checkIntervalSeconds
        }
        napChecks(from: $date, to: $date) {
          id
          checkedAt
          position
          breathingOk
          napId
        }
      }
    }
  }
}
    `),Gn=new Z(`
    mutation StaffHealthCheck($input: HealthCheckInput!) {
  recordHealthCheck(input: $input) {
    id
    recordedAt
    temperatureC
    fever
    symptoms
    source
  }
}
    `),Kn=new Z(`
    mutation StaffMeal($input: MealInput!) {
  recordMeal(input: $input) {
    id
    meal
    amount
  }
}
    `),qn=new Z(`
    mutation NapCheckRecord($input: NapCheckInput!) {
  recordNapCheck(input: $input) {
    id
    checkedAt
    position
    breathingOk
    napId
  }
}
    `),Jn=new Z(`
    mutation NapEnd($childId: ID!, $endedAt: DateTime) {
  endNap(childId: $childId, endedAt: $endedAt) {
    id
    startedAt
    endedAt
    checkIntervalSeconds
  }
}
    `),Yn=new Z(`
    mutation GrowthRecord($input: GrowthInput!) {
  recordGrowth(input: $input) {
    id
    measuredOn
    heightCm
    weightKg
    flaggedForReview
  }
}
    `),Xn=new Z(`
    query ClassGrowth($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    classrooms {
      id
      children {
        id
        name
        birthDate
        growth {
          id
          measuredOn
          heightCm
          weightKg
          flaggedForReview
        }
      }
    }
  }
}
    `),Zn=new Z(`
    query JournalList($nurseryId: ID!, $kind: JournalKind, $status: JournalStatus, $from: Date, $to: Date) {
  journals(
    nurseryId: $nurseryId
    kind: $kind
    status: $status
    from: $from
    to: $to
  ) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),Qn=new Z(`
    query JournalOne($id: ID!) {
  journal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),$n=new Z(`
    query JournalRevisions($id: ID!) {
  journalHistory(id: $id) {
    revision
    status
    body
    action
    at
    actor {
      displayName
    }
  }
}
    `),er=new Z(`
    query JournalPrefill($kind: JournalKind!, $classroomId: ID, $childId: ID, $date: Date!) {
  journalTemplate(
    kind: $kind
    classroomId: $classroomId
    childId: $childId
    date: $date
  )
}
    `),tr=new Z(`
    mutation JournalSave($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),nr=new Z(`
    mutation JournalSubmit($id: ID!, $revision: Int!) {
  submitJournal(id: $id, revision: $revision) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),rr=new Z(`
    mutation JournalApprove($id: ID!) {
  approveJournal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),ir=new Z(`
    mutation JournalReturn($id: ID!, $comment: String!) {
  returnJournal(id: $id, comment: $comment) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),ar=new Z(`
    mutation JournalPublish($id: ID!) {
  publishJournal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),or=new Z(`
    query HeadNursery($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    municipality {
      id
    }
  }
}
    `),sr=new Z(`
    query DaySummaries($municipalityId: ID!, $from: Date!, $to: Date!, $nurseryId: ID) {
  nurseryDaySummaries(
    municipalityId: $municipalityId
    from: $from
    to: $to
    nurseryId: $nurseryId
  ) {
    date
    nursery {
      id
      name
    }
    enrolled
    present
    absent
    late
    napChecksRequired
    napChecksOnTime
    napCheckCompliance
    classrooms
    diariesApproved
  }
}
    `),cr=new Z(`
    query AuditEntries($nurseryId: ID, $operation: String, $access: AuditAccess, $first: Int, $after: String) {
  auditLog(
    nurseryId: $nurseryId
    operation: $operation
    access: $access
    first: $first
    after: $after
  ) {
    entries {
      id
      at
      actorId
      access
      operation
      entityIds
    }
    nextCursor
  }
}
    `),lr=new Z(`
    query OfficerDashboard($municipalityId: ID!, $from: Date!, $to: Date!) {
  nurseryPeriodSummaries(municipalityId: $municipalityId, from: $from, to: $to) {
    nursery {
      id
      name
    }
    openDays
    enrolledChildDays
    presentChildDays
    absentChildDays
    lateArrivals
    attendanceRate
    absencesBySymptom {
      symptom
      count
    }
    ageBands {
      ageBand
      enrolled
      present
      absent
      late
      attendanceRate
      suppressed
    }
    napChecksRequired
    napChecksOnTime
    napCheckCompliance
    classroomDays
    diariesApproved
    diaryApprovalRate
  }
  nurseryDaySummaries(municipalityId: $municipalityId, from: $from, to: $to) {
    date
    nursery {
      id
    }
    absencesBySymptom {
      symptom
      count
    }
  }
  infectionAlerts(municipalityId: $municipalityId, from: $from, to: $to) {
    id
    nursery {
      id
      name
    }
    classroomName
    symptom
    windowStart
    windowEnd
    children
    raisedAt
  }
}
    `),ur=new Z(`
    subscription InfectionAlertFeed($municipalityId: ID!) {
  infectionAlerts(municipalityId: $municipalityId) {
    id
    nursery {
      id
      name
    }
    classroomName
    symptom
    windowStart
    windowEnd
    children
    raisedAt
  }
}
    `),dr=new Z(`
    subscription CareRecordFeed {
  careRecords {
    id
    kind
    classroomId
    occurredAt
    child {
      id
    }
  }
}
    `),fr=new Z(`
    query ArrivalChecks($nurseryId: ID!) {
  arrivalChecks(nurseryId: $nurseryId) {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`),pr=new Z(`
    subscription ArrivalCheckFeed {
  arrivalCheckUpdates {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`),mr=new Z(`
    mutation CloseArrivalCheck($id: ID!, $note: String!) {
  closeArrivalCheck(id: $id, note: $note) {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`),hr=`tsunagu.token`,gr=U(_r()),Q=U(null);function _r(){try{return localStorage.getItem(hr)}catch{return null}}Ve(gr.value),He(()=>Ar());function vr(e){return!!e?.roles.some(e=>e.role===`STAFF`||e.role===`NURSERY_ADMIN`)}function yr(e){return!!e?.roles.some(e=>e.role===`MUNICIPAL_OFFICER`)}function br(e){return e?.roles.find(e=>e.role===`MUNICIPAL_OFFICER`)?.scopeId??null}function xr(e){return!!e?.roles.some(e=>e.role===`NURSERY_ADMIN`)}function Sr(e){return e?.roles.find(e=>e.role===`STAFF`||e.role===`NURSERY_ADMIN`)?.scopeId??null}async function Cr(e){try{await tn(`locale`,e)}catch{}}async function wr(e,t){await Tr((await Ue(pn,{email:e,password:t})).login.token)}async function Tr(e){Rt(),localStorage.setItem(hr,e),gr.value=e,Ve(e),Q.value=null,await Er()}async function Er(){let e=await Ue(gn);Q.value=e.me;let t=Kt(e.me.user.locale);Yt(t),Cr(t);try{localStorage.setItem(`tsunagu.viewer`,JSON.stringify(e.me))}catch{}}function Dr(){try{let e=localStorage.getItem(`tsunagu.viewer`);return e?JSON.parse(e):null}catch{return null}}async function Or(e){Yt(e),Cr(e),gr.value&&(await Ue(hn,{locale:e}),Q.value&&(Q.value={...Q.value,user:{...Q.value.user,locale:e}}))}async function kr(){try{await Ue(mn)}catch{}Ar()}function Ar(){Rt();for(let e of[hr,`tsunagu.viewer`,`tsunagu.cursor`])localStorage.removeItem(e);gr.value=null,Q.value=null,Ve(null)}var jr=Symbol.for(`pv`),Mr=0;Array.isArray;function $(t,n,r,i,a,o){n||(n={});var s,c,l=n;if(`ref`in l&&typeof t!=`function`)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:t,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:jr,__v:--Mr,__i:-1,__u:0};return(a||o)&&(u.__source=a,u.__self=o),e.vnode&&e.vnode(u),u}function Nr(){let[e,t]=L(``),[n,r]=L(``),[i,a]=L(null),[o,s]=L(!1);return $(`main`,{class:`login`,children:$(`div`,{class:`login-card`,children:[$(`h1`,{class:`brand`,children:[$(`img`,{src:`/icons/icon.svg`,alt:``,width:48,height:48}),X(`appName`)]}),$(`form`,{onSubmit:async t=>{t.preventDefault(),s(!0),a(null);try{await wr(e.trim(),n)}catch(e){a(e instanceof z&&e.transient?X(`errorOffline`):X(`loginFailed`))}finally{s(!1)}},novalidate:!0,children:[$(`h2`,{children:X(`loginTitle`)}),$(`label`,{class:`field`,children:[$(`span`,{children:X(`email`)}),$(`input`,{type:`email`,name:`email`,autocomplete:`username`,required:!0,value:e,onInput:e=>t(e.currentTarget.value)})]}),$(`label`,{class:`field`,children:[$(`span`,{children:X(`password`)}),$(`input`,{type:`password`,name:`password`,autocomplete:`current-password`,required:!0,value:n,onInput:e=>r(e.currentTarget.value)})]}),i&&$(`p`,{class:`error`,role:`alert`,children:i}),$(`button`,{class:`btn primary wide`,type:`submit`,disabled:o,children:X(`loginButton`)})]}),$(`p`,{class:`center-text`,children:$(`a`,{class:`btn wide`,href:`/activate`,"data-testid":`have-code`,children:X(`haveCode`)})}),$(`div`,{class:`lang-switch`,role:`group`,"aria-label":X(`language`),children:[$(`button`,{class:`btn small`,"aria-pressed":qt.value===`ja`,onClick:()=>void Or(`ja`),lang:`ja`,children:`日本語`}),$(`button`,{class:`btn small`,"aria-pressed":qt.value===`en`,onClick:()=>void Or(`en`),lang:`en`,children:`English`})]})]})})}var Pr=U(typeof location<`u`?location.pathname:`/`);function Fr(e,t=!1){e!==location.pathname&&(t?history.replaceState(null,``,e):history.pushState(null,``,e),Pr.value=e,window.scrollTo(0,0))}typeof window<`u`&&(window.addEventListener(`popstate`,()=>{Pr.value=location.pathname}),document.addEventListener(`click`,e=>{let t=e.target?.closest?.(`a[href^="/"]`);!t||e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||t.target||(e.preventDefault(),Fr(t.getAttribute(`href`)??`/`))}));function Ir(e){let t=/^\/children\/([^/]+)(?:\/([^/]+))?\/?$/.exec(e);return t?{childId:decodeURIComponent(t[1]),section:t[2]??`day`}:null}var Lr=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),Rr=function(e){return`/`+e},zr={},Br=function(e){return e.pathname.endsWith(`.css`)},Vr=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},Hr=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=Rr(t,n);let r=s(t),i=Br(r);return Vr(zr,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:Lr,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},Ur=e=>Fe(e),Wr=()=>Hr(()=>import(`./guardian-app-BZDeyRC9.js`).then(e=>e.GuardianApp),__vite__mapDeps([0,1,2])),Gr=()=>Hr(()=>import(`./staff-app-1PxXgAtj.js`).then(e=>e.StaffApp),__vite__mapDeps([3,1,4,2,5,6])),Kr=()=>Hr(()=>import(`./officer-app-Nzv9eKhQ.js`).then(e=>e.OfficerApp),__vite__mapDeps([7,5,1])),qr=()=>Hr(()=>import(`./activate-BODRjJ4A.js`).then(e=>e.Activate),__vite__mapDeps([8,9]));function Jr(){let[e,t]=L(!1),n=gr.value;if(we(()=>{n&&(Lt(n),Q.value||Er().catch(e=>{let n=Dr();n&&e instanceof z&&e.transient?Q.value=n:e instanceof z&&e.code===`UNAUTHENTICATED`||t(!0)}))},[n]),Pr.value===`/activate`)return $(Yr,{load:qr});if(!n)return $(Nr,{});let r=Q.value;return r?yr(r)?$(Yr,{load:Kr}):vr(r)?$(Yr,{load:Gr}):$(Yr,{load:Wr}):$(`main`,{class:`center`,"aria-busy":!e,children:e?$(`button`,{class:`btn`,onClick:()=>location.reload(),children:X(`retry`)}):$(`p`,{children:X(`loading`)})})}function Yr({load:e}){let t=Ur(e);return t?$(t,{}):$(`p`,{class:`center`,children:X(`loading`)})}var Xr=U(null),Zr=!1;function Qr(){`serviceWorker`in navigator&&(navigator.serviceWorker.register(`/sw.js`,{scope:`/`}).then(e=>{let t=e=>e.addEventListener(`statechange`,()=>{e.state===`installed`&&navigator.serviceWorker.controller&&(Xr.value=e)});e.waiting&&navigator.serviceWorker.controller&&(Xr.value=e.waiting),e.addEventListener(`updatefound`,()=>e.installing&&t(e.installing)),document.addEventListener(`visibilitychange`,()=>{document.visibilityState===`visible`&&e.update().catch(()=>{})}),setInterval(()=>void e.update().catch(()=>{}),36e5)}).catch(()=>{}),navigator.serviceWorker.addEventListener(`controllerchange`,()=>{Zr&&location.reload()}))}function $r(){let e=Xr.value;e&&(Zr=!0,e.postMessage({type:`SKIP_WAITING`}))}document.documentElement.lang=qt.value,P($(Jr,{}),document.getElementById(`app`)),Qr();export{tr as $,yn as A,Pt as At,Vn as B,x as Bt,cr as C,Zt as Ct,an as D,X as Dt,dr as E,qt as Et,sr as F,Fe as Ft,rr as G,ur as H,cn as I,we as It,Qn as J,xn as K,sn as L,Te as Lt,Xn as M,z as Mt,mr as N,Ue as Nt,In as O,Ht as Ot,Bn as P,R as Pt,$n as Q,Yn as R,L as Rt,An as S,En as St,Wn as T,nn as Tt,fn as U,or as V,ln as W,ar as X,er as Y,ir as Z,jn as _,Gn as _t,Fr as a,bn as at,pr as b,Fn as bt,Or as c,Tn as ct,kr as d,Cn as dt,nr as et,br as f,dn as ft,Mn as g,kn as gt,Q as h,Hn as ht,Ir as i,Jn as it,vn as j,U as jt,Ln as k,Nt as kt,xr as l,Dn as lt,Tr as m,Un as mt,Xr as n,on as nt,Pr as o,lr as ot,Sr as p,Sn as pt,Zn as q,Hr as r,qn as rt,$ as s,wn as st,$r as t,zn as tt,vr as u,un as ut,Rn as v,Kn as vt,Nn as w,en as wt,fr as x,On as xt,rn as y,Pn as yt,_n as z,Ee as zt};